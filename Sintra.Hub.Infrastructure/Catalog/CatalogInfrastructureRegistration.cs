using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog.Import;

namespace Sintra.Hub.Infrastructure.Catalog;

public static class CatalogInfrastructureRegistration
{
    /// <summary>Registers the Shopify product CSV reader and the catalog import services (scoped).</summary>
    public static IServiceCollection AddProductCsvImport(this IServiceCollection services)
    {
        services.AddSingleton<ICatalogFileReader, ShopifyProductCsvReader>();
        services.AddScoped<CatalogImportService>();
        services.AddScoped<ProductCsvImporter>();
        return services;
    }
}
