using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Returns;

public static class ShopifyReturnRegistration
{
    /// <summary>
    /// Registers the outbox handlers that push returns and their refunds to Shopify. They need
    /// <c>ShopifyOrderChannel</c> from the order workflow and <see cref="ReturnService"/> from the returns feature.
    /// </summary>
    public static IServiceCollection AddShopifyReturnPush(this IServiceCollection services)
    {
        services.AddOutboxHandler<ShopifyReturnPushHandler>(ReturnOutboxTopics.ChannelPush);
        services.AddOutboxHandler<ShopifyReturnRefundHandler>(ReturnOutboxTopics.ChannelRefund);
        return services;
    }
}
