using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders;

/// <summary>An order from a sales channel, upserted by (channel, external id).</summary>
public partial class Order : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    /// <summary>The channel's numeric order id (Shopify ids exceed 2^53, so never a double).</summary>
    public long ExternalId { get; set; }

    /// <summary>Order name shown to the customer, for example <c>#1001</c>.</summary>
    public required string Name { get; set; }

    public long? OrderNumber { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public long? CustomerExternalId { get; set; }

    public string? CustomerName { get; set; }

    public Address BillingAddress { get; set; } = new();

    public Address ShippingAddress { get; set; } = new();

    /// <summary>Shop currency, ISO 4217.</summary>
    public required string Currency { get; set; }

    /// <summary>Currency the customer paid in, ISO 4217.</summary>
    public required string PresentmentCurrency { get; set; }

    public decimal SubtotalPrice { get; set; }

    public decimal TotalDiscounts { get; set; }

    public decimal TotalShipping { get; set; }

    public decimal TotalTax { get; set; }

    public decimal TotalPrice { get; set; }

    public decimal PresentmentTotalPrice { get; set; }

    public bool TaxesIncluded { get; set; }

    /// <summary>Channel's payment status as sent (pending, paid, refunded, …).</summary>
    public string? FinancialStatus { get; set; }

    /// <summary>Channel's fulfillment status as sent (null, partial, fulfilled).</summary>
    public string? ChannelFulfillmentStatus { get; set; }

    public OrderStatus Status { get; private set; } = OrderStatus.Received;

    public string? CancelReason { get; set; }

    public DateTime? CancelledAt { get; private set; }

    /// <summary>When the customer placed the order, UTC.</summary>
    public DateTime PlacedAt { get; set; }

    /// <summary>The date of <see cref="PlacedAt"/> in the shop's time zone; the date accounting uses.</summary>
    public DateOnly BusinessDate { get; set; }

    /// <summary>The channel's <c>updated_at</c> of the payload applied last, UTC; older payloads are ignored.</summary>
    public DateTime ChannelUpdatedAt { get; set; }

    public FiscalData Fiscal { get; set; } = new();

    /// <summary>True when at least one line matches no variant of the catalog.</summary>
    public bool HasUnmatchedLines { get; set; }

    /// <summary>True when at least one line could not reserve all its units.</summary>
    public bool HasStockShortfall { get; set; }

    public bool HasFiscalProblems { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public bool IsOpen => Status is not (OrderStatus.Cancelled or OrderStatus.Closed);

    public List<OrderTag> Tags { get; set; } = [];
}

public enum OrderStatus
{
    Received,
    Paid,
    InFulfillment,
    PartiallyShipped,
    Shipped,
    Delivered,
    Closed,
    Cancelled,
}

/// <summary>Outcome of an order state transition; a rejected move carries the reason.</summary>
public sealed record OrderTransitionResult(bool Changed, string? Error)
{
    public static OrderTransitionResult Done { get; } = new(true, null);

    public static OrderTransitionResult Unchanged { get; } = new(false, null);

    public static OrderTransitionResult Rejected(string error) => new(false, error);
}
