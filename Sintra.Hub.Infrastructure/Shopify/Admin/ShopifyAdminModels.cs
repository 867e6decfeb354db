namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>A Shopify location, whose <c>Id</c> is a GID such as <c>gid://shopify/Location/1</c>.</summary>
public sealed record ShopifyLocation(string Id, string Name, bool IsActive);

/// <summary>The variant that carries a SKU and the inventory item that stores its stock.</summary>
public sealed record ShopifyVariantRef(string Sku, string VariantId, string InventoryItemId);

/// <summary>Result of a SKU lookup, matched exactly and case-sensitively.</summary>
/// <param name="Found">Variant per SKU, for SKUs carried by exactly one variant.</param>
/// <param name="Missing">Requested SKUs that no variant carries.</param>
/// <param name="Ambiguous">SKUs carried by more than one variant, which Shopify allows; none is chosen.</param>
public sealed record SkuLookupResult(IReadOnlyDictionary<string, ShopifyVariantRef> Found,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Ambiguous);

/// <summary>Quantities of one inventory item at one location.</summary>
public sealed record ShopifyInventoryLevel(string InventoryItemId, string LocationId, int OnHand, int Available,
    int Committed);

/// <summary>An absolute on-hand quantity to set, compared against the quantity Shopify stores.</summary>
/// <param name="ChangeFromQuantity">
/// The on-hand quantity the caller last read. Shopify applies the change only if its quantity still equals
/// this value. Null opts out of the check for this quantity.
/// </param>
public sealed record OnHandQuantity(string InventoryItemId, string LocationId, int Quantity, int? ChangeFromQuantity);

/// <summary>A call of <c>inventorySetQuantities</c> with <c>name: "on_hand"</c>.</summary>
/// <param name="Reason">
/// One of Shopify's inventory reasons, e.g. <see cref="ShopifyInventoryReasons.Correction"/>.
/// </param>
/// <param name="ReferenceDocumentUri">
/// The hub record behind the change, e.g. from <see cref="ShopifyReferences.StockPush"/>.
/// </param>
/// <param name="IdempotencyKey">
/// Key chosen by the caller, stored with the push and reused when the same push is retried. The first batch
/// sends it unchanged and batch n &gt; 1 sends <c>{key}-{n}</c>, so every batch keeps a stable key of its own.
/// </param>
public sealed record SetOnHandQuantitiesRequest(IReadOnlyList<OnHandQuantity> Quantities, string Reason,
    string ReferenceDocumentUri, string IdempotencyKey);

public enum SetQuantitiesStatus
{
    /// <summary>Every batch was applied.</summary>
    Applied,

    /// <summary>A batch failed the compare-and-set, so that batch and the later ones were not applied.</summary>
    CompareFailed,

    /// <summary>A batch returned other user errors, so that batch and the later ones were not applied.</summary>
    Rejected,
}

/// <summary>A quantity change that Shopify recorded in an adjustment group.</summary>
public sealed record InventoryChange(string Name, int Delta, int? QuantityAfterChange, string InventoryItemId,
    string LocationId);

/// <summary>Outcome of <see cref="ShopifyAdminClient.SetOnHandQuantitiesAsync"/>.</summary>
/// <param name="AppliedBatches">Batches of up to 250 quantities applied before a batch failed.</param>
/// <param name="StaleQuantities">Quantities whose <c>changeFromQuantity</c> no longer matched Shopify.</param>
public sealed record SetOnHandQuantitiesOutcome(SetQuantitiesStatus Status, int AppliedBatches, int TotalBatches,
    IReadOnlyList<InventoryChange> Changes, IReadOnlyList<OnHandQuantity> StaleQuantities,
    IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary>Values of the <c>reason</c> argument of Shopify inventory mutations that the hub uses.</summary>
public static class ShopifyInventoryReasons
{
    public const string Correction = "correction";
    public const string CycleCountAvailable = "cycle_count_available";
    public const string Received = "received";
}

/// <summary>Builders of <c>referenceDocumentUri</c> values that name the hub as the source of a change.</summary>
public static class ShopifyReferences
{
    public static string StockPush(string pushId) => $"sintra-hub://stock-push/{Uri.EscapeDataString(pushId)}";
}
