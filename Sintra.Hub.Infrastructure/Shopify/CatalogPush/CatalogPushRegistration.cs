using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

public static class CatalogPushRegistration
{
    /// <summary>
    /// Registers the catalog push, its outbox handler, the <c>products/update</c> handler and the staff services.
    /// The product versioning and completeness services are registered by the modules that own them.
    /// </summary>
    public static IServiceCollection AddCatalogPush(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ChannelProductSnapshotBuilder>();
        services.AddScoped<CatalogPushService>();
        services.AddScoped<ChannelValuesApplier>();
        services.AddScoped<ProductUpdateWebhookHandler>();
        services.AddScoped<CatalogSyncService>();
        services.AddScoped<CatalogListingService>();
        services.AddOutboxHandler<CatalogChangedHandler>(CatalogSyncTopics.CatalogChanged);
        return services;
    }
}
