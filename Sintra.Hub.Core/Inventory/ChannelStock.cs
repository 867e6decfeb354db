using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory;

/// <summary>
/// Stock a channel may sell: <c>max(0, Σ available over its sources − buffer)</c>, then capped. A source whose
/// available is negative (a shortfall) lowers the sum, because those units are owed to orders already taken.
/// </summary>
public sealed class ChannelStock(HubDbContext db)
{
    /// <summary>Applies the channel formula to the available units of each source.</summary>
    public static int Compute(IEnumerable<int> availableBySource, int buffer, int? cap)
    {
        var quantity = Math.Max(0, availableBySource.Sum() - buffer);
        return cap is { } limit ? Math.Min(quantity, Math.Max(0, limit)) : quantity;
    }

    /// <summary>
    /// Returns the channel's sources in the order lines reserve: the order warehouse first, then the other sources by
    /// priority. A channel with no sources sells from its order warehouse alone.
    /// </summary>
    public static IReadOnlyList<Guid> ReservationOrder(SalesChannel channel)
    {
        var sources = channel.StockSources.OrderBy(s => s.Priority).Select(s => s.WarehouseId).ToList();
        if (channel.OrderWarehouseId is not { } orderWarehouse)
        {
            return sources;
        }

        sources.Remove(orderWarehouse);
        sources.Insert(0, orderWarehouse);
        return sources;
    }

    /// <summary>Calculates the channel stock of the given variants with the per-warehouse breakdown behind it.</summary>
    public async Task<IReadOnlyDictionary<Guid, ChannelStockFigure>> CalculateAsync(
        SalesChannel channel,
        IReadOnlyCollection<Guid> variantIds,
        CancellationToken cancellationToken)
    {
        var sources = ReservationOrder(channel);
        var levels = await db.InventoryLevels.AsNoTracking()
            .Where(l => variantIds.Contains(l.VariantId) && sources.Contains(l.WarehouseId))
            .Select(l => new { l.VariantId, l.WarehouseId, l.OnHand, l.Reserved, l.Unavailable })
            .ToListAsync(cancellationToken);
        var byVariant = levels.ToLookup(l => l.VariantId);

        return variantIds.Distinct().ToDictionary(
            id => id,
            id =>
            {
                var breakdown = sources
                    .Select(warehouseId => byVariant[id].FirstOrDefault(l => l.WarehouseId == warehouseId) is { } level
                        ? new SourceStock(warehouseId, level.OnHand, level.Reserved, level.Unavailable)
                        : new SourceStock(warehouseId, 0, 0, 0))
                    .ToList();
                var quantity = Compute(breakdown.Select(s => s.Available), channel.StockBuffer, channel.StockCap);
                return new ChannelStockFigure(id, breakdown, channel.StockBuffer, channel.StockCap, quantity);
            });
    }
}

/// <summary>One source warehouse's part of a channel stock figure.</summary>
public sealed record SourceStock(Guid WarehouseId, int OnHand, int Reserved, int Unavailable)
{
    public int Available => OnHand - Reserved - Unavailable;
}

/// <summary>A channel's sellable quantity of one variant and how it was reached.</summary>
public sealed record ChannelStockFigure(
    Guid VariantId,
    IReadOnlyList<SourceStock> Sources,
    int Buffer,
    int? Cap,
    int Quantity)
{
    public int AvailableInSources => Sources.Sum(s => s.Available);
}
