using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog;

/// <summary>A sellable variant of a product; its inventory item is keyed by <see cref="Sku"/>.</summary>
public class ProductVariant : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public Product? Product { get; set; }

    /// <summary>
    /// Stock keeping unit exactly as sent: case-sensitive, leading zeros kept, unique when present.
    /// </summary>
    public string? Sku { get; set; }

    /// <summary>Barcode (GTIN, EAN, UPC or the merchant's own) as an exact string.</summary>
    public string? Barcode { get; set; }

    public string? Option1 { get; set; }

    public string? Option2 { get; set; }

    public string? Option3 { get; set; }

    public decimal Price { get; set; }

    public decimal? CompareAtPrice { get; set; }

    public int? WeightGrams { get; set; }

    public int Position { get; set; }

    public bool RequiresShipping { get; set; } = true;

    public bool Taxable { get; set; } = true;

    public long Version { get; set; }

    /// <summary>Option values joined with " / ", the way Shopify titles a variant.</summary>
    public string Title => string.Join(" / ", new[] { Option1, Option2, Option3 }.Where(v => !string.IsNullOrEmpty(v)));
}
