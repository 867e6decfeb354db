using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders.Queries;

/// <summary>Units of a line held in a warehouse.</summary>
public sealed record ReservationRow(string WarehouseCode, string WarehouseName, int Quantity, ReservationStatus Status);

/// <summary>An order line with the catalog variant it matched and its reservations.</summary>
public sealed record OrderLineDetail(
    OrderLine Line,
    string? VariantSku,
    string? ProductTitle,
    string? VariantTitle,
    IReadOnlyList<ReservationRow> Reservations);

/// <summary>Everything the order detail page shows; the entities are detached snapshots.</summary>
public sealed record OrderDetail(
    Order Order,
    string ChannelName,
    string ChannelTimeZone,
    IReadOnlyList<OrderLineDetail> Lines,
    IReadOnlyList<OrderEvent> Events);

/// <summary>Loads one order with its lines, reservations and timeline.</summary>
public sealed class OrderDetailQueries(HubDbContext db)
{
    /// <summary>Returns the order, or null when no order has the id.</summary>
    public async Task<OrderDetail?> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var channel = await db.Channels.AsNoTracking()
            .Where(c => c.Id == order.ChannelId)
            .Select(c => new { c.Name, c.TimeZone })
            .FirstAsync(cancellationToken);

        var lineIds = order.Lines.Select(l => l.Id).ToList();
        var reservations = await (
            from r in db.Reservations.AsNoTracking()
            join w in db.Warehouses on r.WarehouseId equals w.Id
            where lineIds.Contains(r.OrderLineId)
            orderby r.CreatedAt
            select new { r.OrderLineId, Row = new ReservationRow(w.Code, w.Name, r.Quantity, r.Status) })
            .ToListAsync(cancellationToken);

        var variantIds = order.Lines.Where(l => l.VariantId != null).Select(l => l.VariantId!.Value).Distinct().ToList();
        var variants = await db.Variants.AsNoTracking()
            .Where(v => variantIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Sku, ProductTitle = v.Product!.Title, v.Option1, v.Option2, v.Option3 })
            .ToDictionaryAsync(v => v.Id, cancellationToken);

        var lines = order.Lines
            .OrderBy(l => l.ExternalId)
            .Select(l =>
            {
                var variant = l.VariantId is { } id ? variants.GetValueOrDefault(id) : null;
                var title = variant is null
                    ? null
                    : string.Join(" / ", new[] { variant.Option1, variant.Option2, variant.Option3 }
                        .Where(v => !string.IsNullOrEmpty(v)));
                var held = reservations.Where(r => r.OrderLineId == l.Id).Select(r => r.Row).ToList();
                return new OrderLineDetail(l, variant?.Sku, variant?.ProductTitle, title, held);
            })
            .ToList();

        var events = await db.OrderEvents.AsNoTracking()
            .Where(e => e.OrderId == orderId)
            .OrderBy(e => e.OccurredAt)
            .ToListAsync(cancellationToken);

        return new OrderDetail(order, channel.Name, channel.TimeZone, lines, events);
    }
}
