namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>Options of one import run.</summary>
/// <param name="WarehouseCode">
/// Warehouse that receives the file's quantities as an initial count, or null to import no quantities.
/// </param>
/// <param name="Actor">User name or command that runs the import, recorded on stock movements.</param>
public sealed record ImportRequest(string? WarehouseCode, string Actor)
{
    /// <summary>Id of the run, used in stock movement references as <c>importId:line</c>.</summary>
    public Guid ImportId { get; init; } = Guid.CreateVersion7();

    /// <summary>Downloads the file's image URLs into the asset library after the apply; off for the demo data.</summary>
    public bool DownloadImages { get; init; }
}

/// <summary>What an import changes, or would change, per product and per variant.</summary>
public enum ImportChange
{
    Create,
    Update,
    Unchanged,
}

/// <summary>The result of comparing a catalog file with the database.</summary>
/// <param name="Errors">Errors of the file and of the comparison, by line. Any error blocks the apply.</param>
/// <param name="QuantityChanges">
/// Number of variants whose on-hand quantity in the chosen warehouse differs from the file's quantity.
/// </param>
public sealed record ImportPreview(
    Guid ImportId,
    IReadOnlyList<ProductPreview> Products,
    IReadOnlyList<ImportRowError> Errors,
    int SkippedRows,
    int QuantityChanges)
{
    public bool HasErrors => Errors.Count > 0;

    public int Count(ImportChange change) => Products.Count(p => p.Change == change);

    public int CountVariants(ImportChange change) => Products.Sum(p => p.Variants.Count(v => v.Change == change));

    public int VariantCount => Products.Sum(p => p.Variants.Count);

    public int ImageCount => Products.Sum(p => p.ImageCount);

    /// <summary>True when applying would write nothing: no product, variant or stock change.</summary>
    public bool IsUnchanged =>
        QuantityChanges == 0 && Products.All(p => p.Change == ImportChange.Unchanged);
}

/// <summary>The change to one product. An added, removed or edited image counts as an update.</summary>
public sealed record ProductPreview(
    int Line,
    string Handle,
    string Title,
    ImportChange Change,
    int ImageCount,
    IReadOnlyList<VariantPreview> Variants);

/// <summary>The change to one variant; <see cref="Title"/> joins its option values.</summary>
public sealed record VariantPreview(int Line, string? Sku, string Title, ImportChange Change, int? Quantity);

/// <summary>The outcome of an apply: the preview it was based on and whether it was written.</summary>
public sealed record ImportResult(ImportPreview Preview, bool Applied, int MovementsWritten)
{
    /// <summary>Result of downloading the images, or null when the import did not download them.</summary>
    public ImageImportReport? Images { get; init; }
}
