namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>
/// A catalog file read into products, before it is compared with the database. Line numbers are physical lines
/// of the file, where line 1 is the header.
/// </summary>
/// <param name="Products">Products in file order, each with its variants and images.</param>
/// <param name="Errors">Errors found while reading. A file with any error is not applied.</param>
/// <param name="SkippedRows">
/// Number of rows ignored because they are blank or carry no product, variant or image data.
/// </param>
/// <param name="HasQuantityColumn">True when the file has an inventory quantity column.</param>
public sealed record ImportedCatalog(
    IReadOnlyList<ImportedProduct> Products,
    IReadOnlyList<ImportRowError> Errors,
    int SkippedRows,
    bool HasQuantityColumn)
{
    /// <summary>Name of the SKU column in the file, used in error messages.</summary>
    public string SkuColumn { get; init; } = "SKU";

    /// <summary>Creates a catalog that contains only a file-level error, for a file that cannot be read.</summary>
    public static ImportedCatalog Rejected(ImportRowError error) => new([], [error], 0, false);
}

/// <summary>A product as read from the file, with the values of its first row.</summary>
public sealed record ImportedProduct(
    int Line,
    string Handle,
    string Title,
    string? DescriptionHtml,
    string? Vendor,
    string? ProductType,
    string? Tags,
    ProductStatus Status,
    string? Option1Name,
    string? Option2Name,
    string? Option3Name,
    IReadOnlyList<ImportedVariant> Variants,
    IReadOnlyList<ImportedImage> Images);

/// <summary>A variant as read from one row; <see cref="Quantity"/> is null when the cell is empty.</summary>
public sealed record ImportedVariant(
    int Line,
    string? Sku,
    string? Barcode,
    string? Option1,
    string? Option2,
    string? Option3,
    decimal Price,
    decimal? CompareAtPrice,
    int? WeightGrams,
    bool RequiresShipping,
    bool Taxable,
    int? Quantity);

/// <summary>An image as read from one row.</summary>
public sealed record ImportedImage(int Line, string Src, int Position, string? AltText);

/// <summary>
/// A problem with one row or with the whole file: the physical line (1 is the header, 0 when no line applies),
/// the column as named in the file, the offending value and a message that states the fix.
/// </summary>
public sealed record ImportRowError(int Line, string? Column, string? Value, string Message);

/// <summary>Reads a catalog file in one of the supported formats.</summary>
public interface ICatalogFileReader
{
    /// <summary>
    /// Reads the whole stream. Problems in the file come back as <see cref="ImportedCatalog.Errors"/>, and only I/O
    /// failures and cancellation throw.
    /// </summary>
    Task<ImportedCatalog> ReadAsync(Stream content, CancellationToken cancellationToken);
}
