using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders;

/// <summary>An order edit as a channel reports it: signed quantity changes of line items.</summary>
public sealed record ChannelOrderEdit(long ExternalId, long OrderExternalId, IReadOnlyList<ChannelOrderEditLine> Lines);

/// <summary>Units added to (positive) or removed from (negative) one line item.</summary>
public sealed record ChannelOrderEditLine(long LineExternalId, int Delta);

/// <summary>
/// Applies order edits to reservations: added units are reserved like a new line, removed units come off the
/// shortfall first and then release exactly that many reserved units.
/// </summary>
public sealed class OrderEditService(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    private readonly OrderStock stock = new(ledger);

    /// <summary>
    /// Applies the edit once; a second delivery changes nothing. Throws <see cref="InvalidOperationException"/>
    /// when the order has not arrived yet, so that the inbox retries later.
    /// </summary>
    public async Task<Guid> ApplyAsync(Guid channelId, ChannelOrderEdit edit, Guid? inboxMessageId,
        CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.ChannelId == channelId && o.ExternalId == edit.OrderExternalId, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Order edit {edit.ExternalId} is for order {edit.OrderExternalId}, which the hub has not received yet.");
        var kind = $"edit:{edit.ExternalId}";
        if (await db.OrderEvents.AnyAsync(e => e.OrderId == order.Id && e.Kind == kind, cancellationToken))
        {
            return order.Id;
        }

        var channel = await db.Channels.AsNoTracking().Include(c => c.StockSources)
            .SingleAsync(c => c.Id == channelId, cancellationToken);
        var sources = ChannelStock.ReservationOrder(channel);
        var notes = new List<string>();
        foreach (var change in edit.Lines.Where(l => l.Delta != 0))
        {
            var line = order.Lines.FirstOrDefault(l => l.ExternalId == change.LineExternalId);
            if (line is null)
            {
                // A line item the edit added arrives with its details in the orders/updated webhook that Shopify
                // sends for the same edit, and is reserved there as a new line.
                notes.Add($"Line {change.LineExternalId} is not on the order yet; it is reserved when it arrives.");
                continue;
            }

            if (change.Delta > 0)
            {
                await AddUnitsAsync(order, line, change.Delta, sources, notes, cancellationToken);
            }
            else
            {
                await RemoveUnitsAsync(order, line, -change.Delta, notes, cancellationToken);
            }
        }

        order.HasStockShortfall = order.Lines.Any(l => l.ShortfallQuantity > 0);
        order.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = order.UpdatedAt,
            Kind = kind,
            Message = string.Join(' ', notes.DefaultIfEmpty("Order edit without quantity changes.")),
            InboxMessageId = inboxMessageId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return order.Id;
    }

    private async Task AddUnitsAsync(Order order, OrderLine line, int added, IReadOnlyList<Guid> sources,
        List<string> notes, CancellationToken cancellationToken)
    {
        if (line.AddedAfterCreation && line.EditedQuantity == 0 && line.Quantity == added)
        {
            // The orders/updated webhook of this edit brought the whole line first, and its units were reserved then.
            notes.Add($"Line {line.ExternalId} ({line.Sku}): {added} unit(s) added, already reserved on arrival.");
            return;
        }

        line.EditedQuantity += added;
        if (line.VariantId is null || !order.IsOpen)
        {
            notes.Add($"Line {line.ExternalId} ({line.Sku}): {added} unit(s) added, nothing reserved.");
            return;
        }

        var reserved = sources.Count == 0 ? 0 : await stock.ReserveUnitsAsync(order, line, added, sources, cancellationToken);
        line.ShortfallQuantity += added - reserved;
        notes.Add($"Line {line.ExternalId} ({line.Sku}): {added} unit(s) added, {reserved} reserved, "
            + $"{added - reserved} short.");
    }

    private async Task RemoveUnitsAsync(Order order, OrderLine line, int removed, List<string> notes,
        CancellationToken cancellationToken)
    {
        line.EditedQuantity -= removed;
        var fromShortfall = Math.Min(line.ShortfallQuantity, removed);
        line.ShortfallQuantity -= fromShortfall;
        var released = await stock.ReleaseUnitsAsync(order, line, removed - fromShortfall, cancellationToken);
        notes.Add($"Line {line.ExternalId} ({line.Sku}): {removed} unit(s) removed, {released} released, "
            + $"{fromShortfall} taken off the shortfall.");
    }
}
