namespace Sintra.Hub.Core.Orders;

/// <summary>A shipment the channel recorded for an order, independent of the channel's payload format.</summary>
public sealed record ChannelFulfillment(
    long ExternalId,
    long OrderExternalId,
    string? Status,
    string? TrackingCompany,
    string? TrackingNumber,
    IReadOnlyList<ChannelFulfillmentLine> Lines);

/// <summary>Units of one order line in a fulfillment.</summary>
public sealed record ChannelFulfillmentLine(long LineExternalId, int Quantity);
