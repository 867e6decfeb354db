using Microsoft.Extensions.DependencyInjection.Extensions;
using Sintra.Hub.Core.Catalog.Queries;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Queries;
using Sintra.Hub.Infrastructure.Channels;

namespace Sintra.Hub.Web.Components.Pages;

/// <summary>Services behind the product, warehouse, channel and stock pages.</summary>
public static class AdminRegistration
{
    public static void AddAdminPages(this IServiceCollection services)
    {
        // AddLocalization skips services already registered, so calling it here as well is safe.
        services.AddLocalization();

        services.AddScoped<ProductListService>();
        services.AddScoped<ProductDetailService>();
        services.AddScoped<MovementHistoryService>();
        services.AddScoped<WarehouseListService>();
        services.AddScoped<WarehouseSettingsService>();
        services.AddScoped<ChannelSettingsService>();
        services.AddScoped<ChannelSecretService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<StockOperationService>();
        services.AddScoped<StockAttentionQueries>();
        services.AddScoped<ProductStockQueries>();
        services.TryAddScoped<Infrastructure.Shopify.Sync.StockSyncStatusService>();

        // The product page's image panel.
        services.TryAddScoped<Core.Assets.ProductImageLinks>();
    }
}
