using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Completeness;
using Sintra.Hub.Core.Catalog.Editing;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Versions;

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

    /// <summary>Registers the catalog editing, versioning, completeness and export services (scoped).</summary>
    public static IServiceCollection AddProductInformation(this IServiceCollection services)
    {
        services.AddScoped<ProductSnapshotReader>();
        services.AddScoped<ProductVersionService>();
        services.AddScoped<IProductVersioning>(sp => sp.GetRequiredService<ProductVersionService>());
        services.AddScoped<ProductRestoreService>();
        services.AddScoped<ProductEditor>();
        services.AddScoped<BulkEditService>();
        services.AddScoped<CatalogSettingsService>();
        services.AddScoped<CatalogCompletenessService>();
        services.AddScoped<ICatalogCompleteness>(sp => sp.GetRequiredService<CatalogCompletenessService>());
        services.AddScoped<ShopifyCsvExporter>();
        services.AddScoped<HubCsvExporter>();
        return services;
    }
}
