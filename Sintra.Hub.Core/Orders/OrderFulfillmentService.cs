using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders;

/// <summary>
/// Applies a shipment recorded by the channel: the shipped units leave the warehouses that reserved them, turning
/// reservations into outbound ledger movements.
/// </summary>
public sealed class OrderFulfillmentService(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    private const string Actor = "order-fulfillments";

    /// <summary>
    /// Applies the fulfillment once; a second delivery of the same fulfillment changes nothing. A fulfillment whose
    /// status is not <c>success</c> (pending, cancelled, failed) moves no stock. Throws
    /// <see cref="InvalidOperationException"/> when the order has not arrived yet, so that the inbox retries later.
    /// </summary>
    public async Task<OrderFulfillmentResult> ApplyAsync(
        Guid channelId,
        ChannelFulfillment fulfillment,
        Guid? inboxMessageId,
        CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(
                o => o.ChannelId == channelId && o.ExternalId == fulfillment.OrderExternalId, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Fulfillment {fulfillment.ExternalId} is for order {fulfillment.OrderExternalId}, which the hub has "
                + "not received yet.");

        var kind = $"fulfillment:{fulfillment.ExternalId}";
        if (fulfillment.Status is not (null or "success")
            || await db.OrderEvents.AnyAsync(e => e.OrderId == order.Id && e.Kind == kind, cancellationToken))
        {
            return new OrderFulfillmentResult(order.Id, Applied: false, Shipped: 0);
        }

        if (await FindOwnShipmentAsync(order, fulfillment, cancellationToken) is { } own)
        {
            own.ChannelFulfillmentId ??= fulfillment.ExternalId;
            db.OrderEvents.Add(new OrderEvent
            {
                OrderId = order.Id,
                OccurredAt = clock.GetUtcNow().UtcDateTime,
                Kind = kind,
                Message = $"Fulfillment {fulfillment.ExternalId} is the channel's copy of hub shipment {own.Id}; "
                    + "nothing shipped again.",
                InboxMessageId = inboxMessageId,
            });
            await db.SaveChangesAsync(cancellationToken);
            return new OrderFulfillmentResult(order.Id, Applied: false, Shipped: 0);
        }

        var notes = new List<string>();
        var shipped = 0;
        var reference = new StockReference(StockReferenceTypes.Order, order.Id.ToString(), Actor);
        foreach (var item in fulfillment.Lines.Where(l => l.Quantity > 0))
        {
            var line = order.Lines.FirstOrDefault(l => l.ExternalId == item.LineExternalId);
            if (line is null)
            {
                notes.Add($"Line {item.LineExternalId} is not on the order; {item.Quantity} unit(s) ignored.");
                continue;
            }

            var reserved = await db.Reservations
                .Where(r => r.OrderLineId == line.Id && r.Status == ReservationStatus.Open)
                .SumAsync(r => r.Quantity, cancellationToken);
            var fromReserved = Math.Min(item.Quantity, reserved);
            if (fromReserved > 0)
            {
                var result = await ledger.FulfilAsync(line.Id, fromReserved, null, reference, cancellationToken);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Line {line.ExternalId} could not ship: {result.Error}");
                }
            }

            line.ShippedQuantity += item.Quantity;
            shipped += fromReserved;
            notes.Add($"Line {line.ExternalId} ({line.Sku}): {item.Quantity} unit(s) shipped, {fromReserved} from reservations.");
            if (item.Quantity > fromReserved)
            {
                // Units shipped without a reservation came from stock the hub did not promise to this line, so the
                // hub cannot tell which warehouse they left: staff correct the count where they were taken.
                notes.Add($"{item.Quantity - fromReserved} unit(s) had no reservation; check the warehouse count.");
            }
        }

        if (order.RecordShipment().Error is { } stateError)
        {
            notes.Add(stateError);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        order.UpdatedAt = now;
        var tracking = fulfillment.TrackingNumber is null
            ? string.Empty
            : $" Tracking {fulfillment.TrackingCompany} {fulfillment.TrackingNumber}.";
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = now,
            Kind = kind,
            Message = string.Join(' ', notes.DefaultIfEmpty("Fulfillment without line items.")) + tracking,
            InboxMessageId = inboxMessageId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new OrderFulfillmentResult(order.Id, Applied: true, shipped);
    }

    /// <summary>
    /// Finds the hub shipment that a channel fulfillment copies: by the fulfillment id the push stored, or else by
    /// tracking number. Throws <see cref="InvalidOperationException"/>, so that the inbox retries later, while a
    /// push of one of the order's shipments is still pending, because its fulfillment id is not known yet.
    /// </summary>
    private async Task<Shipment?> FindOwnShipmentAsync(Order order, ChannelFulfillment fulfillment,
        CancellationToken cancellationToken)
    {
        var shipments = await db.Shipments.Where(s => s.OrderId == order.Id).ToListAsync(cancellationToken);
        var own = shipments.FirstOrDefault(s => s.ChannelFulfillmentId == fulfillment.ExternalId)
            ?? shipments.FirstOrDefault(s => s.ChannelFulfillmentId is null && fulfillment.TrackingNumber is not null
                && string.Equals(s.TrackingNumber, fulfillment.TrackingNumber, StringComparison.Ordinal));
        if (own is not null)
        {
            return own;
        }

        var unconfirmed = shipments.Where(s => s.ChannelFulfillmentId is null).Select(s => (Guid?)s.Id).ToList();
        var pending = unconfirmed.Count > 0 && await db.OutboxMessages.AnyAsync(
            m => m.Topic == OrderChannelTopics.FulfillmentPush && unconfirmed.Contains(m.EntityId)
                && m.Status != OutboxStatus.Done && m.Status != OutboxStatus.Failed,
            cancellationToken);
        return pending
            ? throw new InvalidOperationException(
                $"Fulfillment {fulfillment.ExternalId} of order {order.Name} waits until the hub's own fulfillment "
                + "push finishes, so that it is not shipped twice.")
            : null;
    }
}

/// <summary>Outcome of a fulfillment: whether it changed the order, and the reserved units it shipped.</summary>
public sealed record OrderFulfillmentResult(Guid OrderId, bool Applied, int Shipped);
