namespace Sintra.Hub.Core.Inventory;

/// <summary>One row of the stock ledger: a change to one level, with the quantities after it.</summary>
public class InventoryMovement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VariantId { get; set; }

    public Guid WarehouseId { get; set; }

    public MovementReason Reason { get; set; }

    public int OnHandDelta { get; set; }

    public int ReservedDelta { get; set; }

    public int UnavailableDelta { get; set; }

    public int OnHandAfter { get; set; }

    public int ReservedAfter { get; set; }

    public int UnavailableAfter { get; set; }

    /// <summary>Kind of the document that caused the movement: Order, Import, User.</summary>
    public string? ReferenceType { get; set; }

    /// <summary>Id of that document, for example the order id or <c>importId:line</c>.</summary>
    public string? ReferenceId { get; set; }

    /// <summary>User name, job key or channel that made the change.</summary>
    public required string Actor { get; set; }

    /// <summary>Reason text a user gave for a manual change, for example why units were written off.</summary>
    public string? Note { get; set; }

    public DateTime OccurredAt { get; set; }
}

public enum MovementReason
{
    InitialCount,
    Count,
    Adjustment,
    Reservation,
    ReservationRelease,
    Shipment,
    Return,

    /// <summary>Units moved between two warehouses; the two movements share one reference.</summary>
    Transfer,

    /// <summary>Units moved to or from unavailable because they are damaged.</summary>
    Damaged,

    /// <summary>Units moved to or from unavailable while they wait for quality control.</summary>
    QualityControl,

    /// <summary>Units moved to or from unavailable as safety stock.</summary>
    SafetyStock,

    /// <summary>A repair that brings a level and its ledger back into agreement after a stock check.</summary>
    Correction,
}
