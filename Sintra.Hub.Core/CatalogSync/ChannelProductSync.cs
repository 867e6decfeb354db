using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.CatalogSync;

/// <summary>
/// Catalog push state of one product on one channel: the channel's product id, the outcome of the last push, hashes
/// of what was sent, and an open conflict with a change made in the channel. Unique on (channel, product).
/// </summary>
public class ChannelProductSync : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>The channel's product id, for example <c>gid://shopify/Product/1</c>; null before the first push.</summary>
    public string? ExternalProductId { get; set; }

    /// <summary>Whether the product is listed on the channel as of the last push; unlisted products are drafts there.</summary>
    public bool Listed { get; set; }

    public DateTime? SyncedAt { get; set; }

    public DateTime? FailedAt { get; set; }

    /// <summary>What failed in the last push; cleared by the next success.</summary>
    public string? LastError { get; set; }

    /// <summary>Hash of the product fields, options, variant list and images last sent in full.</summary>
    public string? StructureHash { get; set; }

    /// <summary>Hash of the variant SKUs and prices last sent.</summary>
    public string? PriceHash { get; set; }

    /// <summary>Hash of the translations last registered, together with the content they translate.</summary>
    public string? TranslationHash { get; set; }

    /// <summary>
    /// Hash of the title, description, tags and variant prices as the channel should now hold them, in the form a
    /// <c>products/update</c> webhook carries them; a webhook with the same hash is the echo of the hub's own push.
    /// </summary>
    public string? ChannelContentHash { get; set; }

    /// <summary>The <c>updated_at</c> of the newest <c>products/update</c> applied or flagged, to skip older deliveries.</summary>
    public DateTime? ChannelUpdatedAt { get; set; }

    /// <summary>The channel's values of an unresolved conflict as JSON (<c>ChannelProductValues</c>); null when none.</summary>
    public string? ConflictValues { get; set; }

    public DateTime? ConflictAt { get; set; }

    /// <summary>The webhook delivery id that raised the conflict.</summary>
    public string? ConflictWebhookId { get; set; }

    public long Version { get; set; }
}

/// <summary>An image the channel already holds, so that an unchanged image is referenced by id instead of re-uploaded.</summary>
public class ChannelMediaLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid ProductImageId { get; set; }

    /// <summary>The image URL sent; a different URL is a new image.</summary>
    public required string Src { get; set; }

    /// <summary>The channel's media id, for example <c>gid://shopify/MediaImage/1</c>.</summary>
    public required string ExternalMediaId { get; set; }
}

/// <summary>Product values that a channel sent in a webhook, keyed by hub variant id for prices.</summary>
public sealed record ChannelProductValues(
    string Title,
    string? DescriptionHtml,
    string? Tags,
    IReadOnlyList<ChannelVariantPrice> Prices);

public sealed record ChannelVariantPrice(Guid VariantId, string? Sku, decimal Price, decimal? CompareAtPrice);

public static class CatalogSyncTopics
{
    /// <summary>
    /// A product changed in a way a channel must hear about. <c>ChannelId</c> is the channel, <c>EntityId</c> the
    /// product, and <c>Payload</c> is null for an automatic row or the id of the staff request that forces a full push.
    /// </summary>
    public const string CatalogChanged = "catalog.changed";
}
