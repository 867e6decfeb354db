namespace Sintra.Hub.Core.Orders;

/// <summary>
/// An order as a sales channel reported it, already parsed from the channel's format. Money is in the shop
/// currency unless named presentment; timestamps are UTC.
/// </summary>
public sealed record ChannelOrder
{
    /// <summary>The channel's order id.</summary>
    public required long ExternalId { get; init; }

    /// <summary>Order name shown to the customer, for example <c>#1001</c>.</summary>
    public required string Name { get; init; }

    public long? OrderNumber { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public long? CustomerExternalId { get; init; }

    public string? CustomerName { get; init; }

    public Address? BillingAddress { get; init; }

    public Address? ShippingAddress { get; init; }

    /// <summary>Shop currency, ISO 4217.</summary>
    public required string Currency { get; init; }

    /// <summary>Currency the customer paid in, ISO 4217.</summary>
    public required string PresentmentCurrency { get; init; }

    public decimal SubtotalPrice { get; init; }

    public decimal TotalDiscounts { get; init; }

    public decimal TotalShipping { get; init; }

    public decimal TotalTax { get; init; }

    public decimal TotalPrice { get; init; }

    public decimal PresentmentTotalPrice { get; init; }

    public bool TaxesIncluded { get; init; }

    /// <summary>Payment status as the channel sent it, for example <c>pending</c> or <c>paid</c>.</summary>
    public string? FinancialStatus { get; init; }

    /// <summary>Fulfillment status as the channel sent it; null when nothing shipped.</summary>
    public string? FulfillmentStatus { get; init; }

    /// <summary>When the customer placed the order, UTC.</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>The channel's last change of the order, UTC; orders the deliveries of one order.</summary>
    public required DateTime UpdatedAt { get; init; }

    /// <summary>Set when the channel reports the order as cancelled, UTC.</summary>
    public DateTime? CancelledAt { get; init; }

    public string? CancelReason { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<ChannelOrderLine> Lines { get; init; } = [];

    /// <summary>Name/value pairs that checkout apps attach to the order; e-invoicing data travels here.</summary>
    public IReadOnlyList<ChannelAttribute> NoteAttributes { get; init; } = [];
}

/// <summary>A line of a <see cref="ChannelOrder"/>; prices per unit.</summary>
public sealed record ChannelOrderLine
{
    /// <summary>The channel's line item id, unique within the order.</summary>
    public required long ExternalId { get; init; }

    public long? ExternalProductId { get; init; }

    public long? ExternalVariantId { get; init; }

    /// <summary>Stock keeping unit exactly as sent; matched to the catalog case-sensitively.</summary>
    public string? Sku { get; init; }

    public required string Title { get; init; }

    public string? VariantTitle { get; init; }

    public int Quantity { get; init; }

    public decimal Price { get; init; }

    public decimal PresentmentPrice { get; init; }

    public decimal TotalDiscount { get; init; }

    public bool RequiresShipping { get; init; } = true;
}

/// <summary>One name/value pair of an order's note attributes.</summary>
public sealed record ChannelAttribute(string Name, string? Value);
