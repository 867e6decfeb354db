using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Integration;

public static class IntegrationServices
{
    /// <summary>Registers API keys, webhook subscriptions, the event handlers and the delivery HTTP client.</summary>
    public static IServiceCollection AddIntegrationServices(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookSecretProtector>();
        services.AddSingleton<WebhookService>();
        services.AddScoped<WebhookPublisher>();
        services.AddOutboxHandler<OrderCreatedEventHandler>(OutboxTopics.OrderCreatedEvent);
        services.AddOutboxHandler<OrderShippedEventHandler>(OutboxTopics.OrderShippedEvent);
        services.AddOutboxHandler<StockChangedEventHandler>(IntegrationTopics.StockChangedEvent);
        services.AddOutboxHandler<WebhookDeliveryHandler>(IntegrationTopics.WebhookDelivery);

        // Redirects are not followed, because a redirect could lead past the address check to a private host.
        services.AddHttpClient(WebhookDeliveryHandler.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookUrlPolicy>().ConnectAsync,
            });
        return services;
    }
}
