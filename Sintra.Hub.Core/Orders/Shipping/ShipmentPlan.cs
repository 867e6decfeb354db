namespace Sintra.Hub.Core.Orders.Shipping;

/// <summary>The order lines and units a shipment request resolves to, or why it cannot ship.</summary>
internal sealed record ShipmentPlan(IReadOnlyList<(OrderLine Line, int Quantity)> Lines, string? Error)
{
    /// <summary>
    /// Resolves request lines to order lines, by line id or else by SKU (compared exactly), and sums repeats.
    /// An empty request ships every line's remaining units. Rejects any line asked for more units than it has left
    /// to ship: the current quantity minus the units shipped and refunded before shipping.
    /// </summary>
    public static ShipmentPlan Build(Order order, IReadOnlyList<ShipmentLineRequest> requested)
    {
        if (order.Status is OrderStatus.Cancelled or OrderStatus.Delivered or OrderStatus.Closed)
        {
            return Reject($"Order {order.Name} is {order.Status}; nothing can ship.");
        }

        if (requested.Count == 0)
        {
            var all = order.Lines.Where(l => l.RemainingToShip > 0).Select(l => (l, l.RemainingToShip)).ToList();
            return all.Count == 0 ? Reject($"Order {order.Name} has nothing left to ship.") : new ShipmentPlan(all, null);
        }

        var quantities = new Dictionary<OrderLine, int>();
        foreach (var item in requested)
        {
            var line = item.OrderLineId is { } id
                ? order.Lines.FirstOrDefault(l => l.Id == id)
                : order.Lines.Where(l => string.Equals(l.Sku, item.Sku?.Trim(), StringComparison.Ordinal))
                    .OrderByDescending(l => l.RemainingToShip > 0).FirstOrDefault();
            if (line is null)
            {
                return Reject($"Order {order.Name} has no line {item.OrderLineId?.ToString() ?? "with SKU " + item.Sku}.");
            }

            quantities[line] = quantities.GetValueOrDefault(line) + item.Quantity;
        }

        foreach (var (line, quantity) in quantities)
        {
            if (quantity > line.RemainingToShip)
            {
                return Reject($"Line {line.ExternalId} ({line.Sku ?? line.Title}) of order {order.Name}: {quantity} "
                    + $"unit(s) requested but only {line.RemainingToShip} left to ship (quantity {line.CurrentQuantity}, "
                    + $"shipped {line.ShippedQuantity}, refunded {line.RefundedUnshippedQuantity}).");
            }
        }

        return new ShipmentPlan(quantities.Select(p => (p.Key, p.Value)).ToList(), null);
    }

    private static ShipmentPlan Reject(string error) => new([], error);
}
