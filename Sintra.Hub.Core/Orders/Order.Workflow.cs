namespace Sintra.Hub.Core.Orders;

/// <summary>
/// The order workflow: received, paid, in fulfillment, partially shipped, shipped, delivered, closed, with
/// cancellation possible until the first unit ships. Each method either moves the order forward, leaves it as it is
/// when the move is already done or overtaken, or rejects the move with a reason that names the order and its state.
/// </summary>
public partial class Order
{
    /// <summary>
    /// Records that the channel reports the order as paid. A report that arrives after the order has moved on, for
    /// example after fulfillment started, changes nothing, so a late webhook never moves the order backwards.
    /// </summary>
    public OrderTransitionResult MarkPaid()
    {
        if (Status != OrderStatus.Received)
        {
            return OrderTransitionResult.Unchanged;
        }

        Status = OrderStatus.Paid;
        return OrderTransitionResult.Done;
    }

    /// <summary>
    /// Puts the order in the warehouse's work: allowed from received (cash on delivery ships unpaid) and paid.
    /// </summary>
    public OrderTransitionResult StartFulfillment()
    {
        if (Status == OrderStatus.InFulfillment)
        {
            return OrderTransitionResult.Unchanged;
        }

        if (Status is not (OrderStatus.Received or OrderStatus.Paid))
        {
            return Reject("fulfillment cannot start");
        }

        Status = OrderStatus.InFulfillment;
        return OrderTransitionResult.Done;
    }

    /// <summary>
    /// Records a shipment: shipped when no line has units left to ship, otherwise partially shipped. Rejected for a
    /// cancelled, delivered or closed order.
    /// </summary>
    public OrderTransitionResult RecordShipment()
    {
        if (Status is OrderStatus.Cancelled or OrderStatus.Delivered or OrderStatus.Closed)
        {
            return Reject("nothing can ship");
        }

        var next = Lines.All(l => l.RemainingToShip == 0) ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
        if (next == Status)
        {
            return OrderTransitionResult.Unchanged;
        }

        Status = next;
        return OrderTransitionResult.Done;
    }

    /// <summary>Records that the carrier delivered the order; only a fully shipped order can be delivered.</summary>
    public OrderTransitionResult MarkDelivered()
    {
        if (Status == OrderStatus.Delivered)
        {
            return OrderTransitionResult.Unchanged;
        }

        if (Status != OrderStatus.Shipped)
        {
            return Reject("it cannot be marked delivered before every line has shipped");
        }

        Status = OrderStatus.Delivered;
        return OrderTransitionResult.Done;
    }

    /// <summary>Closes a shipped or delivered order, the end of the workflow.</summary>
    public OrderTransitionResult Close()
    {
        if (Status == OrderStatus.Closed)
        {
            return OrderTransitionResult.Unchanged;
        }

        if (Status is not (OrderStatus.Shipped or OrderStatus.Delivered))
        {
            return Reject("only a shipped or delivered order can be closed");
        }

        Status = OrderStatus.Closed;
        return OrderTransitionResult.Done;
    }

    /// <summary>Cancels the order. Rejected once anything has shipped, because shipped units need a return.</summary>
    public OrderTransitionResult Cancel(string? reason, DateTime at)
    {
        if (Status == OrderStatus.Cancelled)
        {
            return OrderTransitionResult.Unchanged;
        }

        if (Status is OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Closed)
        {
            return Reject("it can no longer be cancelled because units have shipped");
        }

        Status = OrderStatus.Cancelled;
        CancelReason = reason;
        CancelledAt = at;
        return OrderTransitionResult.Done;
    }

    private OrderTransitionResult Reject(string reason) =>
        OrderTransitionResult.Rejected($"Order {Name} is {Status}: {reason}.");
}
