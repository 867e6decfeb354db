using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;

namespace Sintra.Hub.Core.Orders;

/// <summary>The stock side of order ingestion: reservations of new lines and their release on cancellation.</summary>
internal sealed class OrderStock(StockLedger ledger)
{
    private const string Actor = "order-ingestion";

    /// <summary>Cancels the order and releases every open reservation of its lines.</summary>
    public async Task CancelAsync(
        Order order,
        string? reason,
        DateTime cancelledAt,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var result = order.Cancel(reason, cancelledAt);
        if (result.Error is not null)
        {
            notes.Add(result.Error);
            return;
        }

        if (!result.Changed)
        {
            return;
        }

        var lineIds = order.Lines.Select(l => l.Id).ToList();
        var released = await ledger.ReleaseAsync(lineIds, Reference(order), cancellationToken);
        notes.Add($"Cancelled; released {released} reserved unit(s).");
    }

    /// <summary>
    /// Reserves the units of new matched lines in the channel's reservation order: the order warehouse first, then
    /// the other stock sources by priority. Each warehouse gives what it has available, so a line may get several
    /// reservation rows. The units that no source could give are recorded as the line's shortfall.
    /// </summary>
    public async Task ReserveNewLinesAsync(
        Order order,
        List<OrderLine> newLines,
        SalesChannel channel,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var sources = ChannelStock.ReservationOrder(channel);
        foreach (var line in newLines.Where(l => l.VariantId is not null && l.Quantity > 0))
        {
            if (sources.Count == 0)
            {
                line.ShortfallQuantity = line.Quantity;
                notes.Add($"Line {line.ExternalId}: channel {channel.Name} has no order warehouse, nothing reserved.");
                continue;
            }

            var missing = line.Quantity - await ReserveUnitsAsync(order, line, line.Quantity, sources, cancellationToken);
            line.ShortfallQuantity = missing;
            if (missing > 0)
            {
                notes.Add($"Line {line.ExternalId} ({line.Sku}): {missing} unit(s) short.");
            }
        }
    }

    /// <summary>
    /// Reserves up to <paramref name="quantity"/> more units of a line from <paramref name="sources"/> in order and
    /// returns the units reserved.
    /// </summary>
    public async Task<int> ReserveUnitsAsync(
        Order order,
        OrderLine line,
        int quantity,
        IReadOnlyList<Guid> sources,
        CancellationToken cancellationToken)
    {
        var missing = quantity;
        foreach (var warehouseId in sources.TakeWhile(_ => missing > 0))
        {
            missing -= await ledger.ReserveAsync(
                line.Id, line.VariantId!.Value, warehouseId, missing, Reference(order), cancellationToken);
        }

        return quantity - missing;
    }

    /// <summary>Releases exactly <paramref name="quantity"/> reserved units of a line, or fewer when it has fewer.</summary>
    public Task<int> ReleaseUnitsAsync(Order order, OrderLine line, int quantity, CancellationToken cancellationToken) =>
        ledger.ReleasePartAsync(line.Id, quantity, Reference(order), cancellationToken);

    private static StockReference Reference(Order order) => new(StockReferenceTypes.Order, order.Id.ToString(), Actor);
}
