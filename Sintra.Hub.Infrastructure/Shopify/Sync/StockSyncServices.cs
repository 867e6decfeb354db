using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

public static class StockSyncServices
{
    /// <summary>Registers the stock push services and the outbox processor, without jobs or options binding.</summary>
    public static IServiceCollection AddStockSyncServices(this IServiceCollection services)
    {
        services.AddShopifyAdminClient();
        services.TryAddScoped<ChannelStock>();
        services.AddScoped<ShopifyChannelClients>();
        services.AddScoped<StockPushPlanner>();
        services.AddScoped<VariantLinkResolver>();
        services.AddScoped<StockLevelWriter>();
        services.AddScoped<StockPushService>();
        services.AddScoped<StockReconciliationService>();
        services.AddScoped<InventoryLevelWebhookHandler>();
        services.AddScoped<ChannelSyncSettingsService>();
        services.TryAddScoped<StockSyncStatusService>();
        services.AddSingleton<OutboxProcessor>();
        if (!services.Any(d => d.ServiceType == typeof(OutboxHandlerRegistry)))
        {
            // The instance itself, so that AddOutboxHandler calls made later add their topics to it.
            services.AddSingleton(new OutboxHandlerRegistry());
        }

        return services;
    }
}
