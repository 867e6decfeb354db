namespace Sintra.Hub.Core.Inventory;

/// <summary>
/// A level whose quantity disagrees with its ledger, found by the stock check. One open issue exists per level
/// and quantity; later runs update it, and it closes when repaired or when the figures agree again.
/// </summary>
public class StockCheckIssue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VariantId { get; set; }

    public Guid WarehouseId { get; set; }

    public StockQuantity Quantity { get; set; }

    /// <summary>The value stored on the level.</summary>
    public int LevelValue { get; set; }

    /// <summary>The sum of the quantity's deltas over the level's movements.</summary>
    public int LedgerValue { get; set; }

    /// <summary>Units in open reservation rows; set for <see cref="StockQuantity.Reserved"/> issues only.</summary>
    public int? OpenReservations { get; set; }

    /// <summary>References (<c>Type:Id</c>) of the level's latest movements, newest first, to start the search.</summary>
    public string? Documents { get; set; }

    public StockCheckIssueStatus Status { get; set; } = StockCheckIssueStatus.Open;

    public DateTime DetectedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>User who repaired the issue, or the job that saw the figures agree again.</summary>
    public string? ClosedBy { get; set; }
}

/// <summary>A quantity of an inventory level.</summary>
public enum StockQuantity
{
    OnHand,
    Reserved,
    Unavailable,
}

public enum StockCheckIssueStatus
{
    Open,

    /// <summary>Closed by a correction movement.</summary>
    Repaired,

    /// <summary>Closed because a later check found the figures in agreement.</summary>
    Resolved,
}
