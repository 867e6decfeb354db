namespace Sintra.Hub.Web.Catalog;

public static class CatalogRegistration
{
    public static void AddCatalogImport(this WebApplicationBuilder builder)
    {
    }
}

public static class ProductImportCommand
{
    public static Task<int> RunAsync(WebApplication app, string[] args)
    {
        Console.Error.WriteLine("import-products is not available yet.");
        return Task.FromResult(1);
    }
}
