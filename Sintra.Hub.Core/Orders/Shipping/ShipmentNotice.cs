namespace Sintra.Hub.Core.Orders.Shipping;

/// <summary>The shipment details that the customer e-mail and the outbound integration event carry, stored as JSON.</summary>
public sealed record ShipmentNotice(
    Guid ShipmentId,
    Guid OrderId,
    string OrderName,
    DateTime ShippedAt,
    string? Carrier,
    string? TrackingNumber,
    string? TrackingUrl,
    IReadOnlyList<ShipmentNoticeLine> Lines);

public sealed record ShipmentNoticeLine(string? Sku, string Title, int Quantity);
