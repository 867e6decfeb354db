using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Completeness;
using Sintra.Hub.Core.Catalog.Editing;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Versions;

namespace Sintra.Hub.Infrastructure.Catalog;

public static class CatalogInfrastructureRegistration
{
    /// <summary>Registers the Shopify product CSV reader, the catalog import services and product versions (scoped).</summary>
    public static IServiceCollection AddProductCsvImport(this IServiceCollection services)
    {
        services.AddSingleton<ICatalogFileReader, ShopifyProductCsvReader>();
        services.AddScoped<CatalogImportService>();
        services.AddScoped<ProductCsvImporter>();
        services.TryAddScoped<ProductSnapshotReader>();
        services.TryAddScoped<ProductVersionService>();
        services.TryAddScoped<IProductVersioning>(sp => sp.GetRequiredService<ProductVersionService>());
        return services;
    }

    /// <summary>Registers the catalog editing, versioning, completeness and export services (scoped).</summary>
    public static IServiceCollection AddProductInformation(this IServiceCollection services)
    {
        services.TryAddScoped<ProductSnapshotReader>();
        services.TryAddScoped<ProductVersionService>();
        services.TryAddScoped<IProductVersioning>(sp => sp.GetRequiredService<ProductVersionService>());
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
