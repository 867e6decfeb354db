using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Orders;

/// <summary>
/// Pushes a hub shipment to Shopify as a fulfillment: reads the order's fulfillment orders, maps each shipped order
/// line to fulfillment order line items by the Shopify line item id, and calls <c>fulfillmentCreate</c> with the
/// tracking. The fulfillment id is stored on the shipment, so that Shopify's <c>fulfillments/create</c> webhook
/// for it ships nothing again.
/// </summary>
public sealed class ShopifyFulfillmentPushHandler(
    HubDbContext db,
    ShopifyOrderChannel channels,
    TimeProvider clock,
    ILogger<ShopifyFulfillmentPushHandler> logger) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.Include(s => s.Lines)
            .SingleOrDefaultAsync(s => s.Id == message.EntityId, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Shipment {message.EntityId} was not found.");
        if (shipment.ChannelFulfillmentId is not null)
        {
            return;
        }

        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == shipment.OrderId, cancellationToken);
        var client = await channels.CreateClientAsync(order.ChannelId, cancellationToken);
        var fulfillmentOrders = ShopifyOrderChannel.Unwrap(
            await client.GetFulfillmentOrdersAsync(order.ExternalId, cancellationToken), "read the fulfillment orders of", order);

        var lines = new List<ShopifyFulfillmentLine>();
        var notes = new List<string>();
        foreach (var shipped in shipment.Lines)
        {
            var line = order.Lines.Single(l => l.Id == shipped.OrderLineId);
            var lineItemId = ShopifyFulfillmentDocuments.LineItemGid(line.ExternalId);
            var missing = shipped.Quantity;
            foreach (var (fulfillmentOrder, item) in fulfillmentOrders.Where(f => f.CanFulfill)
                         .SelectMany(f => f.Lines.Select(l => (f, l)))
                         .Where(pair => pair.l.LineItemId == lineItemId && pair.l.RemainingQuantity > 0))
            {
                var take = Math.Min(missing, item.RemainingQuantity);
                lines.Add(new ShopifyFulfillmentLine(fulfillmentOrder.Id, item.Id, take));
                missing -= take;
                if (missing == 0)
                {
                    break;
                }
            }

            if (missing > 0)
            {
                notes.Add($"line {line.ExternalId} ({line.Sku}): {missing} of {shipped.Quantity} unit(s) have no open "
                    + "fulfillment order on Shopify");
            }
        }

        if (lines.Count == 0)
        {
            throw new OutboxPermanentFailureException(
                $"Shipment {shipment.Id} of order {order.Name} has nothing left to fulfill on Shopify: "
                + string.Join("; ", notes) + ". Check whether the order was fulfilled there already.");
        }

        // NOTE: fulfillmentCreate is sent without an idempotency key. When a call times out after Shopify applied it,
        // the retry finds fewer remaining units and pushes only those, and the shipment keeps no fulfillment id, so
        // the echoed webhook is then matched by tracking number alone.
        var outcome = ShopifyOrderChannel.Unwrap(await client.CreateFulfillmentAsync(
            new ShopifyFulfillmentRequest(lines, shipment.Carrier, shipment.TrackingNumber, shipment.TrackingUrl),
            cancellationToken), "create a fulfillment for", order);
        if (!outcome.Applied)
        {
            throw new OutboxPermanentFailureException(
                $"Shopify rejected the fulfillment of order {order.Name}: {ShopifyOrderChannel.Describe(outcome)}");
        }

        shipment.ChannelFulfillmentId = ShopifyFulfillmentDocuments.NumericId(outcome.Id);
        var partial = notes.Count == 0 ? string.Empty : " Not pushed: " + string.Join("; ", notes) + ".";
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Kind = "push:fulfillment",
            Message = $"Shipment {shipment.Id} pushed to Shopify as fulfillment {shipment.ChannelFulfillmentId}.{partial}",
        });
        await db.SaveChangesAsync(cancellationToken);
        if (notes.Count > 0)
        {
            logger.LogWarning("Shipment {ShipmentId} of order {OrderName} pushed in part: {Notes}",
                shipment.Id, order.Name, string.Join("; ", notes));
        }
    }
}
