namespace Sintra.Hub.Core.Orders;

/// <summary>A line of an order; kept even when it matches no variant.</summary>
public class OrderLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    /// <summary>The channel's line item id.</summary>
    public long ExternalId { get; set; }

    public long? ExternalProductId { get; set; }

    public long? ExternalVariantId { get; set; }

    public string? Sku { get; set; }

    public required string Title { get; set; }

    public string? VariantTitle { get; set; }

    public int Quantity { get; set; }

    /// <summary>Unit price in the shop currency.</summary>
    public decimal Price { get; set; }

    /// <summary>Unit price in the presentment currency.</summary>
    public decimal PresentmentPrice { get; set; }

    public decimal TotalDiscount { get; set; }

    public bool RequiresShipping { get; set; } = true;

    /// <summary>The catalog variant this line sells; null when nothing matched.</summary>
    public Guid? VariantId { get; set; }

    /// <summary>Units that could not be reserved because stock was short.</summary>
    public int ShortfallQuantity { get; set; }

    /// <summary>Units the channel has refunded, shipped or not.</summary>
    public int RefundedQuantity { get; set; }

    public bool IsUnmatched => VariantId is null;
}
