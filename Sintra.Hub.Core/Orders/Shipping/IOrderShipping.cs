namespace Sintra.Hub.Core.Orders.Shipping;

/// <summary>
/// Ships order lines from a warehouse. Staff in the fulfillment queue, logistics files and the integration API all
/// call it, so stock, the order's state, the channel push and the customer e-mail follow the same rules.
/// </summary>
public interface IOrderShipping
{
    Task<ShipmentResult> ShipAsync(ShipmentRequest request, CancellationToken cancellationToken);
}

/// <param name="OrderId">The hub's order id.</param>
/// <param name="Lines">The lines and quantities shipped; empty ships every line's remaining quantity.</param>
/// <param name="Carrier">Carrier name as the customer should read it, for example BRT or GLS.</param>
/// <param name="Source">Who reports the shipment: a user's e-mail, <c>file:NAME</c> or <c>api:KEY</c>.</param>
/// <param name="ExternalReference">
/// A key that makes the call idempotent, such as a logistics file's hash and row number: a second call with the same
/// reference returns the first result and ships nothing.
/// </param>
public sealed record ShipmentRequest(
    Guid OrderId,
    IReadOnlyList<ShipmentLineRequest> Lines,
    string? Carrier,
    string? TrackingNumber,
    string? TrackingUrl,
    Guid? WarehouseId,
    string Source,
    string? ExternalReference = null);

/// <summary>A line to ship, named by the hub's line id or, when that is unknown, by SKU.</summary>
public sealed record ShipmentLineRequest(Guid? OrderLineId, string? Sku, int Quantity);

/// <param name="ShipmentId">The stored shipment, or null when nothing was shipped.</param>
/// <param name="Error">Why the request was rejected, naming the line or value, or null on success.</param>
public sealed record ShipmentResult(Guid? ShipmentId, int UnitsShipped, bool AlreadyApplied, string? Error)
{
    public bool Succeeded => Error is null;
}
