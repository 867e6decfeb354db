namespace Sintra.Hub.Core.Orders.Shipping;

/// <summary>Units of an order that left a warehouse together, with the carrier's tracking.</summary>
public class Shipment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public Guid? WarehouseId { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public string? TrackingUrl { get; set; }

    /// <summary>Who reported the shipment: a user's e-mail, <c>file:NAME</c> or <c>api:KEY</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The caller's idempotency key; unique, so a repeated request finds the first shipment.</summary>
    public string? ExternalReference { get; set; }

    public DateTime ShippedAt { get; set; }

    /// <summary>
    /// The channel's id of the fulfillment the push created, so that the channel's <c>fulfillments/create</c>
    /// webhook for it is recognised and not shipped twice. Null until the push succeeds.
    /// </summary>
    public long? ChannelFulfillmentId { get; set; }

    public List<ShipmentLine> Lines { get; set; } = [];
}

/// <summary>Units of one order line in a shipment.</summary>
public class ShipmentLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ShipmentId { get; set; }

    public Guid OrderLineId { get; set; }

    public int Quantity { get; set; }
}

/// <summary>Outbox topics of the channel side of the order workflow.</summary>
public static class OrderChannelTopics
{
    /// <summary>Push a hub shipment to the order's channel as a fulfillment; the entity is the shipment id.</summary>
    public const string FulfillmentPush = "channel.fulfillment";

    /// <summary>
    /// Push a cancellation decided in the hub to the order's channel; the entity is the order id and the payload an
    /// <see cref="OrderCancelPush"/> as JSON.
    /// </summary>
    public const string OrderCancelPush = "channel.order-cancel";
}

/// <summary>What the channel needs to cancel an order: the reason code and whether to refund the customer.</summary>
public sealed record OrderCancelPush(OrderCancelReason Reason, bool Refund, string? StaffNote);

/// <summary>Reasons of a cancellation, the values channels such as Shopify accept.</summary>
public enum OrderCancelReason
{
    Customer,
    Declined,
    Fraud,
    Inventory,
    Staff,
    Other,
}
