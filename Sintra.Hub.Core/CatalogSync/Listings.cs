namespace Sintra.Hub.Core.CatalogSync;

/// <summary>A product included in or excluded from one channel, overriding the channel's default listing.</summary>
public class ProductListing
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid ProductId { get; set; }

    public bool Included { get; set; }
}

/// <summary>
/// A variant included in or excluded from one channel. A variant without a row follows its product, so excluding one
/// size of a listed product needs one row.
/// </summary>
public class VariantListing
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid VariantId { get; set; }

    public bool Included { get; set; }
}

/// <summary>Decides what a channel lists from its settings and listing rows.</summary>
public static class ListingRules
{
    public static bool IsProductIncluded(ChannelCatalogSettings settings, ProductListing? listing) =>
        listing?.Included ?? settings.DefaultListing == ListingDefault.IncludeAll;

    public static bool IsVariantIncluded(bool productIncluded, VariantListing? listing) =>
        productIncluded && (listing?.Included ?? true);
}
