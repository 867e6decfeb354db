namespace Sintra.Hub.Core.Inventory;

/// <summary>Units of one order line held in one warehouse until shipped or released.</summary>
public class Reservation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderLineId { get; set; }

    public Guid VariantId { get; set; }

    public Guid WarehouseId { get; set; }

    public int Quantity { get; set; }

    public ReservationStatus Status { get; set; } = ReservationStatus.Open;

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }
}

public enum ReservationStatus
{
    Open,
    Released,
    Fulfilled,
}
