namespace Sintra.Hub.Web.Catalog;

/// <summary>The demo catalog, a Shopify product CSV in the classic layout with invented Italian products.</summary>
public static class DemoCatalogFile
{
    public const string RelativePath = "DemoData/demo-catalog.csv";

    /// <summary>
    /// Opens the file from the content root, where it is under <c>dotnet run</c>, or else from the build output,
    /// where the project copies it.
    /// </summary>
    public static Stream Open(IHostEnvironment environment)
    {
        var inContentRoot = Path.Combine(environment.ContentRootPath, RelativePath);
        var path = File.Exists(inContentRoot) ? inContentRoot : Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.OpenRead(path);
    }
}
