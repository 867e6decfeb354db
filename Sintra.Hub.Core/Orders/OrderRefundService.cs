using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders;

/// <summary>
/// Applies a channel's refund to an order: refunded units that never shipped come out of the line's shortfall first
/// and then out of its reservations, which are released exactly, and can no longer ship. Shipped units are left to
/// the returns flow.
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
            var unshipped = UnshippedUnits(line, refunded);
            var shipped = refunded.Quantity - unshipped;
            if (shipped > 0)
            {
                notes.Add($"Line {line.ExternalId} ({line.Sku}): {shipped} shipped unit(s) refunded "
                    + $"({refunded.RestockType ?? "no restock type"}); a return brings them back.");
            }

            if (unshipped == 0)
            {
                continue;
            }

            // Units refunded before shipping never ship, whatever the restock type. The hub owns the stock, so the
            // units stay on hand in the warehouse and only their reservation, or their shortfall, goes.
            line.RefundedUnshippedQuantity += unshipped;
            var fromShortfall = Math.Min(line.ShortfallQuantity, unshipped);
            line.ShortfallQuantity -= fromShortfall;
            var lineReleased = await ledger.ReleasePartAsync(
                line.Id, unshipped - fromShortfall, reference, cancellationToken);
            released += lineReleased;
            notes.Add($"Line {line.ExternalId} ({line.Sku}): {unshipped} unit(s) refunded before shipping "
                + $"({refunded.RestockType ?? "no restock type"}), {lineReleased} released, {fromShortfall} taken off "
                + "the shortfall.");
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

    /// <summary>
    /// Returns how many of the refunded units had not shipped. <c>return</c> refunds shipped units and
    /// <c>cancel</c> refunds unshipped ones. For <c>no_restock</c>, <c>legacy_restock</c> and a missing type the
    /// units count as unshipped up to what the line still had to ship, and a line the channel reports as
    /// fulfilled counts as shipped.
    /// </summary>
    private static int UnshippedUnits(OrderLine line, ChannelRefundLine refunded) => refunded.RestockType switch
    {
        "return" => 0,
        "cancel" => Math.Min(refunded.Quantity, line.RemainingToShip),
        _ when refunded.Shipped => 0,
        _ => Math.Min(refunded.Quantity, line.RemainingToShip),
    };
}

/// <summary>Outcome of a refund: whether it changed the order, and the reserved units it released.</summary>
public sealed record OrderRefundResult(Guid OrderId, bool Applied, int Released);
