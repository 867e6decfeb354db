using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Inbox;

/// <summary>Applies one inbox message by its topic inside the caller's transaction.</summary>
public sealed class InboxMessageHandler(
    OrderIngestionService ingestion,
    OrderRefundService refunds,
    OrderFulfillmentService fulfillments,
    OrderEditService edits,
    InventoryLevelWebhookHandler inventoryLevels,
    IServiceProvider services)
{
    public async Task<InboxHandling> HandleAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Source == ShopifyTopics.Source && message.Topic == InventoryLevelWebhookHandler.Topic)
        {
            return new InboxHandling(await inventoryLevels.HandleAsync(message, cancellationToken), null);
        }

        if (message.Source == ShopifyTopics.Source && message.Topic == ProductUpdateWebhookHandler.Topic)
        {
            // Resolved here, not injected, so that hosts without the catalog push still handle every other topic.
            var products = services.GetService<ProductUpdateWebhookHandler>();
            return new InboxHandling(
                products is null ? InboxStatus.Ignored : await products.HandleAsync(message, cancellationToken), null);
        }

        if (message.Source == ShopifyTopics.Source && message.Topic == ShopifyTopics.RefundsCreate)
        {
            var refund = ShopifyRefundParser.Parse(message.Body);
            var refunded = await refunds.ApplyAsync(message.ChannelId, refund, message.Id, cancellationToken);
            return new InboxHandling(InboxStatus.Processed, refunded.OrderId);
        }

        if (message.Source == ShopifyTopics.Source && message.Topic == ShopifyTopics.FulfillmentsCreate)
        {
            var fulfillment = ShopifyFulfillmentParser.Parse(message.Body);
            var shipped = await fulfillments.ApplyAsync(message.ChannelId, fulfillment, message.Id, cancellationToken);
            return new InboxHandling(InboxStatus.Processed, shipped.OrderId);
        }

        if (message.Source == ShopifyTopics.Source && message.Topic == ShopifyTopics.OrdersEdited)
        {
            var edit = ShopifyOrderEditParser.Parse(message.Body);
            var editedOrderId = await edits.ApplyAsync(message.ChannelId, edit, message.Id, cancellationToken);
            return new InboxHandling(InboxStatus.Processed, editedOrderId);
        }

        if (message.Source == ShopifyTopics.Source && ShopifyReturnParser.IsReturnTopic(message.Topic))
        {
            // Resolved here so that hosts without the returns services still build this handler.
            var returns = services.GetRequiredService<ReturnService>();
            var reported = ShopifyReturnParser.Parse(message.Topic, message.Body);
            var request = await returns.ApplyChannelAsync(message.ChannelId, reported, cancellationToken);
            return new InboxHandling(InboxStatus.Processed, request.OrderId);
        }

        if (message.Source != ShopifyTopics.Source || !ShopifyTopics.IsOrderTopic(message.Topic))
        {
            return new InboxHandling(InboxStatus.Ignored, null);
        }

        var order = ShopifyOrderParser.Parse(message.Body);
        var result = await ingestion.ApplyAsync(
            message.ChannelId, order, "webhook:" + message.Topic, message.Id, cancellationToken);
        return new InboxHandling(InboxStatus.Processed, result.OrderId);
    }
}

/// <summary>The final status of a handled message and the order it touched.</summary>
public sealed record InboxHandling(InboxStatus Status, Guid? OrderId);
