using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders;

/// <summary>
/// Applies a channel's refund to an order: refunded units that never shipped come out of the line's shortfall first
/// and then out of its reservations, which are released exactly. Shipped units are left to the returns flow.
/// </summary>
public sealed class OrderRefundService(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    private const string Actor = "order-refunds";

    /// <summary>
    /// Applies the refund once; a second delivery of the same refund changes nothing. Throws
    /// <see cref="InvalidOperationException"/> when the order has not arrived yet, so that the inbox retries later.
    /// </summary>
    public async Task<OrderRefundResult> ApplyAsync(
        Guid channelId,
        ChannelRefund refund,
        Guid? inboxMessageId,
        CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.ChannelId == channelId && o.ExternalId == refund.OrderExternalId, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Refund {refund.ExternalId} is for order {refund.OrderExternalId}, which the hub has not received yet.");

        var kind = $"refund:{refund.ExternalId}";
        if (await db.OrderEvents.AnyAsync(e => e.OrderId == order.Id && e.Kind == kind, cancellationToken))
        {
            return new OrderRefundResult(order.Id, Applied: false, Released: 0);
        }

        var notes = new List<string>();
        var released = 0;
        var reference = new StockReference(StockReferenceTypes.Order, order.Id.ToString(), Actor);
        foreach (var refunded in refund.Lines.Where(l => l.Quantity > 0))
        {
            var line = order.Lines.FirstOrDefault(l => l.ExternalId == refunded.LineExternalId);
            if (line is null)
            {
                notes.Add($"Line {refunded.LineExternalId} is not on the order; {refunded.Quantity} unit(s) ignored.");
                continue;
            }

            line.RefundedQuantity += refunded.Quantity;
            if (refunded.Shipped)
            {
                notes.Add($"Line {line.ExternalId} ({line.Sku}): {refunded.Quantity} shipped unit(s) refunded.");
                continue;
            }

            var fromShortfall = Math.Min(line.ShortfallQuantity, refunded.Quantity);
            line.ShortfallQuantity -= fromShortfall;
            var lineReleased = await ledger.ReleasePartAsync(
                line.Id, refunded.Quantity - fromShortfall, reference, cancellationToken);
            released += lineReleased;
            notes.Add($"Line {line.ExternalId} ({line.Sku}): {refunded.Quantity} unit(s) refunded before shipping, "
                + $"{lineReleased} released, {fromShortfall} taken off the shortfall.");
        }

        order.HasStockShortfall = order.Lines.Any(l => l.ShortfallQuantity > 0);
        order.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = order.UpdatedAt,
            Kind = kind,
            Message = string.Join(' ', notes.DefaultIfEmpty("Refund without line items.")),
            InboxMessageId = inboxMessageId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new OrderRefundResult(order.Id, Applied: true, released);
    }
}

/// <summary>Outcome of a refund: whether it changed the order, and the reserved units it released.</summary>
public sealed record OrderRefundResult(Guid OrderId, bool Applied, int Released);
