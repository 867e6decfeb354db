namespace Sintra.Hub.Core.Inventory;

/// <summary>
/// Stock of one variant in one warehouse. Quantities change only through <see cref="StockLedger"/>,
/// which writes a matching <see cref="InventoryMovement"/> in the same transaction.
/// </summary>
public class InventoryLevel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VariantId { get; set; }

    public Guid WarehouseId { get; set; }

    /// <summary>Units physically in the warehouse.</summary>
    public int OnHand { get; set; }

    /// <summary>Units promised to open order lines; equals the sum of open reservation rows.</summary>
    public int Reserved { get; set; }

    /// <summary>Units on hand that cannot be sold (damaged, quality control, safety stock).</summary>
    public int Unavailable { get; set; }

    /// <summary>Sellable units; negative only as a flagged shortfall.</summary>
    public int Available => OnHand - Reserved - Unavailable;

    /// <summary>Incremented by every conditional update; the concurrency token of this row.</summary>
    public long Version { get; set; }

    public DateTime UpdatedAt { get; set; }
}
