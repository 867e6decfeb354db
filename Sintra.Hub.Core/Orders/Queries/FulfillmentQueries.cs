using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders.Queries;

/// <summary>An order waiting in a warehouse's fulfillment queue, with the units reserved there.</summary>
public sealed record FulfillmentQueueRow(
    Guid OrderId,
    string OrderName,
    string ChannelName,
    DateTime PlacedAt,
    OrderStatus Status,
    string? CustomerName,
    string? ShipToCity,
    int ReservedUnits,
    int LineCount);

/// <summary>A page of the fulfillment queue and the number of orders in the whole queue.</summary>
public sealed record FulfillmentQueuePage(IReadOnlyList<FulfillmentQueueRow> Rows, int Total);

/// <summary>Units of one SKU to pick.</summary>
public sealed record PickLine(string Sku, string Title, int Quantity);

/// <summary>The units of one order to pick.</summary>
public sealed record PickOrder(Guid OrderId, string OrderName, string? CustomerName, IReadOnlyList<PickLine> Lines);

/// <summary>What to pick in a warehouse for a selection of orders: totals per SKU, then per order.</summary>
public sealed record PickList(string WarehouseName, IReadOnlyList<PickLine> Totals, IReadOnlyList<PickOrder> Orders);

/// <summary>A line of a packing slip: ordered, already shipped and still to ship.</summary>
public sealed record PackingSlipLine(string? Sku, string Title, string? VariantTitle, int Ordered, int Shipped, int ToShip);

/// <summary>What goes in the parcel of one order, with the address to ship to.</summary>
public sealed record PackingSlip(Order Order, string ChannelName, IReadOnlyList<PackingSlipLine> Lines);

/// <summary>Reads the fulfillment queue, pick lists, packing slips and the shipments of an order.</summary>
public sealed class FulfillmentQueries(HubDbContext db)
{
    private static readonly OrderStatus[] Fulfillable =
        [OrderStatus.Received, OrderStatus.Paid, OrderStatus.InFulfillment, OrderStatus.PartiallyShipped];

    /// <summary>
    /// Returns open orders of every channel with units reserved in the warehouse, oldest first.
    /// </summary>
    public async Task<FulfillmentQueuePage> GetQueueAsync(Guid warehouseId, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var units =
            from r in db.Reservations
            where r.WarehouseId == warehouseId && r.Status == ReservationStatus.Open
            join l in db.OrderLines on r.OrderLineId equals l.Id
            group r by l.OrderId into g
            select new { OrderId = g.Key, Units = g.Sum(x => x.Quantity), Lines = g.Select(x => x.OrderLineId).Distinct().Count() };
        var query =
            from o in db.Orders
            join u in units on o.Id equals u.OrderId
            join c in db.Channels on o.ChannelId equals c.Id
            where Fulfillable.Contains(o.Status)
            select new { o, u, ChannelName = c.Name };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(x => x.o.PlacedAt).ThenBy(x => x.o.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(x => new FulfillmentQueueRow(x.o.Id, x.o.Name, x.ChannelName, x.o.PlacedAt, x.o.Status,
                x.o.CustomerName, x.o.ShippingAddress.City, x.u.Units, x.u.Lines))
            .ToListAsync(cancellationToken);
        return new FulfillmentQueuePage(rows, total);
    }

    /// <summary>Returns the open reservations of the selected orders in the warehouse as a pick list.</summary>
    public async Task<PickList> GetPickListAsync(Guid warehouseId, IReadOnlyCollection<Guid> orderIds,
        CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.AsNoTracking()
            .Where(w => w.Id == warehouseId).Select(w => w.Name).FirstOrDefaultAsync(cancellationToken) ?? "?";
        var rows = await (
            from r in db.Reservations.AsNoTracking()
            where r.WarehouseId == warehouseId && r.Status == ReservationStatus.Open
            join l in db.OrderLines on r.OrderLineId equals l.Id
            where orderIds.Contains(l.OrderId)
            join o in db.Orders on l.OrderId equals o.Id
            select new { o.Id, o.Name, o.CustomerName, o.PlacedAt, l.Sku, l.Title, l.VariantTitle, r.Quantity })
            .ToListAsync(cancellationToken);

        var totals = rows.GroupBy(r => r.Sku ?? string.Empty, StringComparer.Ordinal)
            .Select(g => new PickLine(g.Key, Title(g.First().Title, g.First().VariantTitle), g.Sum(r => r.Quantity)))
            .OrderBy(l => l.Sku, StringComparer.Ordinal)
            .ToList();
        var orders = rows.GroupBy(r => r.Id)
            .OrderBy(g => g.First().PlacedAt)
            .Select(g => new PickOrder(g.Key, g.First().Name, g.First().CustomerName,
                g.GroupBy(r => r.Sku ?? string.Empty, StringComparer.Ordinal)
                    .Select(s => new PickLine(s.Key, Title(s.First().Title, s.First().VariantTitle), s.Sum(r => r.Quantity)))
                    .OrderBy(l => l.Sku, StringComparer.Ordinal).ToList()))
            .ToList();
        return new PickList(warehouse, totals, orders);
    }

    /// <summary>Returns the packing slip of an order, or null when no order has the id.</summary>
    public async Task<PackingSlip?> GetPackingSlipAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == order.ChannelId)
            .Select(c => c.Name).FirstAsync(cancellationToken);
        var lines = order.Lines.Where(l => l.RequiresShipping && l.CurrentQuantity > 0)
            .OrderBy(l => l.ExternalId)
            .Select(l => new PackingSlipLine(l.Sku, l.Title, l.VariantTitle, l.CurrentQuantity, l.ShippedQuantity,
                l.RemainingToShip))
            .ToList();
        return new PackingSlip(order, channel, lines);
    }

    /// <summary>Returns the shipments of an order, oldest first, with their lines.</summary>
    public Task<List<Shipment>> GetShipmentsAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.Shipments.AsNoTracking().Include(s => s.Lines)
            .Where(s => s.OrderId == orderId).OrderBy(s => s.ShippedAt).ToListAsync(cancellationToken);

    /// <summary>Returns the internal notes of an order, newest first.</summary>
    public Task<List<OrderNote>> GetNotesAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.OrderNotes.AsNoTracking().Where(n => n.OrderId == orderId)
            .OrderByDescending(n => n.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Returns the tags of an order, sorted.</summary>
    public Task<List<string>> GetTagsAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.OrderTags.AsNoTracking().Where(t => t.OrderId == orderId)
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);

    private static string Title(string title, string? variantTitle) =>
        string.IsNullOrEmpty(variantTitle) ? title : $"{title} – {variantTitle}";
}
