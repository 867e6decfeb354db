namespace Sintra.Hub.Core.Catalog.Queries;

/// <summary>Columns by which the product list can be sorted.</summary>
public enum ProductSortColumn
{
    Title,
    Handle,
    Vendor,
    ProductType,
    Status,
    VariantCount,
    OnHand,
    Reserved,
    Available,
}

/// <summary>
/// A page request for the product list. <see cref="Search"/> matches a title or handle containing it (ignoring
/// case), or a variant whose SKU or barcode equals it exactly.
/// </summary>
public sealed record ProductListQuery(
    string? Search = null,
    ProductStatus? Status = null,
    ProductSortColumn SortBy = ProductSortColumn.Title,
    bool Descending = false,
    int Skip = 0,
    int Take = 25);

/// <summary>
/// A product with its stock summed over every variant and warehouse, and its variant price range
/// (null when it has no variants).
/// </summary>
public sealed record ProductListRow(
    Guid Id,
    string Handle,
    string Title,
    string? Vendor,
    string? ProductType,
    ProductStatus Status,
    int VariantCount,
    int OnHand,
    int Reserved,
    int Available,
    decimal? MinPrice,
    decimal? MaxPrice);

/// <summary>One page of the product list and the number of products that match the filters.</summary>
public sealed record ProductListPage(IReadOnlyList<ProductListRow> Rows, int TotalCount);
