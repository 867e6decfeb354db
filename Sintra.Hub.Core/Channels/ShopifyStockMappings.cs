namespace Sintra.Hub.Core.Channels;

/// <summary>
/// A Shopify location that receives the channel's stock. A mapping without <see cref="WarehouseId"/> carries the
/// channel's whole stock; mappings with a warehouse each carry that warehouse's part.
/// </summary>
public class ShopifyLocationMapping
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    /// <summary>Location GID, for example <c>gid://shopify/Location/1</c>.</summary>
    public required string LocationId { get; set; }

    public required string LocationName { get; set; }

    public Guid? WarehouseId { get; set; }
}

/// <summary>
/// The Shopify inventory item of a hub variant in one channel, resolved by SKU. <see cref="InventoryItemId"/> is null
/// while the SKU is unknown in the shop, and <see cref="Error"/> then contains the reason.
/// </summary>
public class ShopifyVariantLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid VariantId { get; set; }

    public required string Sku { get; set; }

    /// <summary>Inventory item GID, for example <c>gid://shopify/InventoryItem/1</c>.</summary>
    public string? InventoryItemId { get; set; }

    /// <summary>Variant GID, for example <c>gid://shopify/ProductVariant/1</c>, once a catalog push linked it.</summary>
    public string? ShopifyVariantId { get; set; }

    public string? Error { get; set; }

    public DateTime ResolvedAt { get; set; }
}

/// <summary>
/// What the hub last wrote to or read from Shopify for one inventory item at one location. The known on hand is the
/// <c>changeFromQuantity</c> of the next write; the written values let a webhook be recognised as the hub's echo.
/// </summary>
public class ShopifyLevelState
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid VariantId { get; set; }

    public required string InventoryItemId { get; set; }

    public required string LocationId { get; set; }

    /// <summary>Shopify's on hand as last written or read by the hub; null before either happened.</summary>
    public int? KnownOnHand { get; set; }

    public int? LastWrittenOnHand { get; set; }

    /// <summary>Shopify's available after the hub's last write: on hand minus Shopify's committed units.</summary>
    public int? LastWrittenAvailable { get; set; }

    public DateTime? LastWrittenAt { get; set; }

    public DateTime? LastReadAt { get; set; }

    public int EchoCount { get; set; }

    public DateTime? LastEchoAt { get; set; }
}

/// <summary>A difference between the on hand the hub intended for Shopify and the one Shopify had.</summary>
public class ShopifyStockDrift
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid? VariantId { get; set; }

    public required string InventoryItemId { get; set; }

    public required string LocationId { get; set; }

    /// <summary>On hand the hub expected Shopify to have.</summary>
    public int? Expected { get; set; }

    /// <summary>On hand, or for a webhook that carries only it, available, that Shopify reported.</summary>
    public int Actual { get; set; }

    public DriftSource Source { get; set; }

    public DateTime DetectedAt { get; set; }

    /// <summary>When a push set Shopify back to the hub's figure; null while the drift is open.</summary>
    public DateTime? CorrectedAt { get; set; }
}

public enum DriftSource
{
    /// <summary>A push failed its <c>changeFromQuantity</c> compare.</summary>
    CompareFailed,

    /// <summary>An <c>inventory_levels/update</c> webhook carried a value the hub did not write.</summary>
    Webhook,

    /// <summary>The reconciliation read a value different from the hub's figure.</summary>
    Reconciliation,
}
