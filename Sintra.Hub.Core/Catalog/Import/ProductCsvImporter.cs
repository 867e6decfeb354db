namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>
/// Entry point for importing a product file: reads it with the registered <see cref="ICatalogFileReader"/> and
/// previews or applies it with <see cref="CatalogImportService"/>. Used by the upload page, the
/// <c>import-products</c> command and the demo data loader.
/// </summary>
public sealed class ProductCsvImporter(
    ICatalogFileReader reader,
    CatalogImportService service,
    ICatalogImageImporter? imageImporter = null)
{
    /// <summary>Reads the file and returns what applying it would change, with every row error.</summary>
    public async Task<ImportPreview> PreviewAsync(Stream content, ImportRequest request, CancellationToken cancellationToken)
    {
        var catalog = await reader.ReadAsync(content, cancellationToken);
        return await service.PreviewAsync(catalog, request, cancellationToken);
    }

    /// <summary>
    /// Reads the file and applies it in one transaction, or writes nothing when it has any error. With
    /// <see cref="ImportRequest.DownloadImages"/> set, the image URLs are then downloaded into the asset library.
    /// </summary>
    public async Task<ImportResult> ApplyAsync(Stream content, ImportRequest request, CancellationToken cancellationToken)
    {
        var catalog = await reader.ReadAsync(content, cancellationToken);
        var result = await service.ApplyAsync(catalog, request, cancellationToken);
        if (!result.Applied || !request.DownloadImages || imageImporter is null)
        {
            return result;
        }

        return result with { Images = await imageImporter.ImportAsync(catalog, request, cancellationToken) };
    }
}
