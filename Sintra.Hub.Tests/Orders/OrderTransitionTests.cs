using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Tests.Orders;

public class OrderTransitionTests
{
    private static readonly DateTime At = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    public enum Move
    {
        MarkPaid,
        StartFulfillment,
        ShipPart,
        ShipRest,
        MarkDelivered,
        Close,
        Cancel,
    }

    /// <summary>Every move from every state: the expected state afterwards, and whether the move is rejected.</summary>
    public static TheoryData<OrderStatus, Move, OrderStatus, bool> Table => new()
    {
        { OrderStatus.Received, Move.MarkPaid, OrderStatus.Paid, false },
        { OrderStatus.Received, Move.StartFulfillment, OrderStatus.InFulfillment, false },
        { OrderStatus.Received, Move.ShipPart, OrderStatus.PartiallyShipped, false },
        { OrderStatus.Received, Move.MarkDelivered, OrderStatus.Received, true },
        { OrderStatus.Received, Move.Close, OrderStatus.Received, true },
        { OrderStatus.Received, Move.Cancel, OrderStatus.Cancelled, false },
        { OrderStatus.Paid, Move.MarkPaid, OrderStatus.Paid, false },
        { OrderStatus.Paid, Move.StartFulfillment, OrderStatus.InFulfillment, false },
        { OrderStatus.Paid, Move.ShipRest, OrderStatus.Shipped, false },
        { OrderStatus.Paid, Move.Close, OrderStatus.Paid, true },
        { OrderStatus.Paid, Move.Cancel, OrderStatus.Cancelled, false },
        { OrderStatus.InFulfillment, Move.MarkPaid, OrderStatus.InFulfillment, false },
        { OrderStatus.InFulfillment, Move.StartFulfillment, OrderStatus.InFulfillment, false },
        { OrderStatus.InFulfillment, Move.ShipPart, OrderStatus.PartiallyShipped, false },
        { OrderStatus.InFulfillment, Move.MarkDelivered, OrderStatus.InFulfillment, true },
        { OrderStatus.InFulfillment, Move.Cancel, OrderStatus.Cancelled, false },
        { OrderStatus.PartiallyShipped, Move.MarkPaid, OrderStatus.PartiallyShipped, false },
        { OrderStatus.PartiallyShipped, Move.StartFulfillment, OrderStatus.PartiallyShipped, true },
        { OrderStatus.PartiallyShipped, Move.ShipRest, OrderStatus.Shipped, false },
        { OrderStatus.PartiallyShipped, Move.MarkDelivered, OrderStatus.PartiallyShipped, true },
        { OrderStatus.PartiallyShipped, Move.Close, OrderStatus.PartiallyShipped, true },
        { OrderStatus.PartiallyShipped, Move.Cancel, OrderStatus.PartiallyShipped, true },
        { OrderStatus.Shipped, Move.MarkPaid, OrderStatus.Shipped, false },
        { OrderStatus.Shipped, Move.StartFulfillment, OrderStatus.Shipped, true },
        { OrderStatus.Shipped, Move.MarkDelivered, OrderStatus.Delivered, false },
        { OrderStatus.Shipped, Move.Close, OrderStatus.Closed, false },
        { OrderStatus.Shipped, Move.Cancel, OrderStatus.Shipped, true },
        { OrderStatus.Delivered, Move.ShipPart, OrderStatus.Delivered, true },
        { OrderStatus.Delivered, Move.Close, OrderStatus.Closed, false },
        { OrderStatus.Delivered, Move.Cancel, OrderStatus.Delivered, true },
        { OrderStatus.Closed, Move.MarkPaid, OrderStatus.Closed, false },
        { OrderStatus.Closed, Move.StartFulfillment, OrderStatus.Closed, true },
        { OrderStatus.Closed, Move.MarkDelivered, OrderStatus.Closed, true },
        { OrderStatus.Closed, Move.Cancel, OrderStatus.Closed, true },
        { OrderStatus.Cancelled, Move.MarkPaid, OrderStatus.Cancelled, false },
        { OrderStatus.Cancelled, Move.StartFulfillment, OrderStatus.Cancelled, true },
        { OrderStatus.Cancelled, Move.ShipPart, OrderStatus.Cancelled, true },
        { OrderStatus.Cancelled, Move.Close, OrderStatus.Cancelled, true },
        { OrderStatus.Cancelled, Move.Cancel, OrderStatus.Cancelled, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void TransitionFollowsTable(OrderStatus from, Move move, OrderStatus expected, bool rejected)
    {
        var order = OrderIn(from);

        var result = Apply(order, move);

        Assert.Equal(expected, order.Status);
        Assert.Equal(rejected, result.Error is not null);
        if (rejected)
        {
            Assert.Contains(order.Name, result.Error, StringComparison.Ordinal);
            Assert.Contains(from.ToString(), result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LatePaidKeepsFulfillment()
    {
        var order = OrderIn(OrderStatus.InFulfillment);

        var result = order.MarkPaid();

        Assert.False(result.Changed);
        Assert.Null(result.Error);
        Assert.Equal(OrderStatus.InFulfillment, order.Status);
    }

    /// <summary>Builds an order of two units in the given state through the workflow's own moves.</summary>
    private static Order OrderIn(OrderStatus status)
    {
        var order = new Order
        {
            Name = "#2001",
            Currency = "EUR",
            PresentmentCurrency = "EUR",
            Lines = [new OrderLine { Title = "Tazza", Quantity = 2, ExternalId = 1 }],
        };
        switch (status)
        {
            case OrderStatus.Paid:
                order.MarkPaid();
                break;
            case OrderStatus.InFulfillment:
                order.StartFulfillment();
                break;
            case OrderStatus.PartiallyShipped:
                Apply(order, Move.ShipPart);
                break;
            case OrderStatus.Shipped:
                Apply(order, Move.ShipRest);
                break;
            case OrderStatus.Delivered:
                Apply(order, Move.ShipRest);
                order.MarkDelivered();
                break;
            case OrderStatus.Closed:
                Apply(order, Move.ShipRest);
                order.Close();
                break;
            case OrderStatus.Cancelled:
                order.Cancel("customer", At);
                break;
        }

        Assert.Equal(status, order.Status);
        return order;
    }

    private static OrderTransitionResult Apply(Order order, Move move)
    {
        switch (move)
        {
            case Move.MarkPaid:
                return order.MarkPaid();
            case Move.StartFulfillment:
                return order.StartFulfillment();
            case Move.ShipPart:
            case Move.ShipRest:
                var line = order.Lines[0];
                var before = line.ShippedQuantity;
                line.ShippedQuantity = move == Move.ShipPart ? 1 : line.Quantity;
                var result = order.RecordShipment();
                if (result.Error is not null)
                {
                    line.ShippedQuantity = before;
                }

                return result;
            case Move.MarkDelivered:
                return order.MarkDelivered();
            case Move.Close:
                return order.Close();
            default:
                return order.Cancel("customer", At);
        }
    }
}
