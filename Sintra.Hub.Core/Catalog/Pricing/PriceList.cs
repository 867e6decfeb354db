using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Pricing;

/// <summary>
/// Prices in one currency, for one channel or for every channel without a list of its own. A variant without an
/// entry in the list is sold at its own <see cref="ProductVariant.Price"/>.
/// </summary>
public class PriceList : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>ISO 4217 code, upper case.</summary>
    public required string Currency { get; set; }

    /// <summary>The channel the list applies to, or null for a list any channel may be given.</summary>
    public Guid? ChannelId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<PriceListEntry> Entries { get; set; } = [];
}

/// <summary>A variant's price and compare-at price in a price list.</summary>
public class PriceListEntry : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PriceListId { get; set; }

    public Guid VariantId { get; set; }

    public decimal Price { get; set; }

    /// <summary>The crossed-out price shown next to <see cref="Price"/>; null when the variant is not on sale.</summary>
    public decimal? CompareAtPrice { get; set; }

    public long Version { get; set; }
}
