namespace Sintra.Hub.Core.Catalog.Queries;

/// <summary>A product with its images, variants and their stock per warehouse, for the product page.</summary>
public sealed record ProductDetailView(
    Guid Id,
    string Handle,
    string Title,
    string? DescriptionHtml,
    string? Vendor,
    string? ProductType,
    string? Tags,
    ProductStatus Status,
    IReadOnlyList<string> OptionNames,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<ProductImageRow> Images,
    IReadOnlyList<VariantRow> Variants,
    IReadOnlyList<VariantStockRow> Stock);

public sealed record ProductImageRow(string Src, string? AltText, int Position);

/// <summary>A variant, titled by its option values joined with " / ".</summary>
public sealed record VariantRow(
    Guid Id,
    string? Sku,
    string? Barcode,
    string Title,
    decimal Price,
    decimal? CompareAtPrice,
    int Position);

/// <summary>Stock of one variant in one warehouse, where a negative <see cref="Available"/> is a shortfall.</summary>
public sealed record VariantStockRow(
    Guid VariantId,
    string? Sku,
    string VariantTitle,
    string WarehouseCode,
    string WarehouseName,
    int OnHand,
    int Reserved,
    int Unavailable)
{
    public int Available => OnHand - Reserved - Unavailable;

    public bool IsShortfall => Available < 0;
}
