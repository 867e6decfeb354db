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

    /// <summary>Units shipped so far, by the hub's shipments and by fulfillments the channel reported.</summary>
    public int ShippedQuantity { get; set; }

    /// <summary>Units refunded before they shipped; they will never ship.</summary>
    public int RefundedUnshippedQuantity { get; set; }

    /// <summary>
    /// Units that order edits added (positive) or removed (negative) since the order arrived. The channel's
    /// <c>quantity</c> stays the originally ordered one, so the edits are kept apart.
    /// </summary>
    public int EditedQuantity { get; set; }

    /// <summary>True when the line arrived after the order, which an order edit does.</summary>
    public bool AddedAfterCreation { get; set; }

    /// <summary>Units the line stands for now: ordered plus edits.</summary>
    public int CurrentQuantity => Math.Max(0, Quantity + EditedQuantity);

    /// <summary>Units that may still ship: current quantity minus shipped minus refunded before shipping.</summary>
    public int RemainingToShip =>
        RequiresShipping ? Math.Max(0, CurrentQuantity - ShippedQuantity - RefundedUnshippedQuantity) : 0;

    public bool IsUnmatched => VariantId is null;
}
