namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>
/// Turns the image URLs of an applied catalog file into library assets. Runs after the import's transaction, so a
/// failed download never undoes the products: the image keeps its URL and the row is reported.
/// </summary>
public interface ICatalogImageImporter
{
    Task<ImageImportReport> ImportAsync(ImportedCatalog catalog, ImportRequest request, CancellationToken cancellationToken);
}

/// <summary>Outcome of the image step: assets linked, and one error per image that kept its plain URL.</summary>
public sealed record ImageImportReport(int Linked, IReadOnlyList<ImportRowError> Failures);
