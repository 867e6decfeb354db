using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Queries;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Orders;

public static class OrderWorkflowRegistration
{
    /// <summary>
    /// Registers the order workflow: shipping, staff actions, order edits, the fulfillment queue and the outbox
    /// handlers that push fulfillments and cancellations to Shopify.
    /// </summary>
    public static IServiceCollection AddOrderWorkflow(this IServiceCollection services)
    {
        services.AddScoped<OrderShippingService>();
        services.AddScoped<IOrderShipping>(sp => sp.GetRequiredService<OrderShippingService>());
        services.AddScoped<OrderWorkflowService>();
        services.AddScoped<OrderEditService>();
        services.AddScoped<FulfillmentQueries>();
        services.AddScoped<ShopifyOrderChannel>();
        services.AddOutboxHandler<ShopifyFulfillmentPushHandler>(OrderChannelTopics.FulfillmentPush);
        services.AddOutboxHandler<ShopifyOrderCancelHandler>(OrderChannelTopics.OrderCancelPush);
        return services;
    }
}
