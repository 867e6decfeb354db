using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>
/// The on hand to write for one variant at one Shopify location, and how it was reached. Shopify moved the units
/// of orders it took to <c>committed</c>, and its available is on hand minus committed, so the hub writes its channel
/// stock plus the units reserved for this channel's open order lines.
/// </summary>
public sealed record PushTarget(
    Guid VariantId,
    string LocationId,
    Guid? WarehouseId,
    ChannelStockFigure Figure,
    int ChannelStock,
    int ReservedForChannel)
{
    public int OnHand => ChannelStock + ReservedForChannel;
}

/// <summary>Computes <see cref="PushTarget"/> values from the hub's levels and open reservations.</summary>
public sealed class StockPushPlanner(HubDbContext db, ChannelStock channelStock)
{
    public async Task<IReadOnlyList<PushTarget>> PlanAsync(
        SalesChannel channel,
        IReadOnlyList<ShopifyLocationMapping> locations,
        IReadOnlyCollection<Guid> variantIds,
        CancellationToken cancellationToken)
    {
        var figures = await channelStock.CalculateAsync(channel, variantIds, cancellationToken);
        var reserved = await ReservedForChannelAsync(channel.Id, variantIds, cancellationToken);
        var targets = new List<PushTarget>();
        foreach (var (variantId, figure) in figures)
        {
            foreach (var location in locations)
            {
                targets.Add(Target(channel, figure, location, reserved));
            }
        }

        return targets;
    }

    private static PushTarget Target(
        SalesChannel channel,
        ChannelStockFigure figure,
        ShopifyLocationMapping location,
        Dictionary<(Guid Variant, Guid Warehouse), int> reserved)
    {
        if (location.WarehouseId is not { } warehouseId)
        {
            var allReserved = reserved.Where(r => r.Key.Variant == figure.VariantId).Sum(r => r.Value);
            return new PushTarget(figure.VariantId, location.LocationId, null, figure, figure.Quantity, allReserved);
        }

        // NOTE: buffer and cap apply to each mapped location on its own, so several locations hold back the buffer
        // once each. Splitting one buffer across locations would need a rule for which location gives up units.
        var source = figure.Sources.FirstOrDefault(s => s.WarehouseId == warehouseId);
        var quantity = source is null ? 0 : ChannelStock.Compute([source.Available], channel.StockBuffer, channel.StockCap);
        var warehouseReserved = reserved.GetValueOrDefault((figure.VariantId, warehouseId));
        return new PushTarget(figure.VariantId, location.LocationId, warehouseId, figure, quantity, warehouseReserved);
    }

    private async Task<Dictionary<(Guid Variant, Guid Warehouse), int>> ReservedForChannelAsync(
        Guid channelId,
        IReadOnlyCollection<Guid> variantIds,
        CancellationToken cancellationToken)
    {
        var rows = await (
                from reservation in db.Reservations
                join line in db.OrderLines on reservation.OrderLineId equals line.Id
                join order in db.Orders on line.OrderId equals order.Id
                where order.ChannelId == channelId
                    && reservation.Status == ReservationStatus.Open
                    && variantIds.Contains(reservation.VariantId)
                group reservation by new { reservation.VariantId, reservation.WarehouseId }
                into g
                select new { g.Key.VariantId, g.Key.WarehouseId, Quantity = g.Sum(r => r.Quantity) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.VariantId, r.WarehouseId), r => r.Quantity);
    }
}
