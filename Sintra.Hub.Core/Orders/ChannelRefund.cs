namespace Sintra.Hub.Core.Orders;

/// <summary>A refund as a channel reports it, independent of the channel's payload format.</summary>
public sealed record ChannelRefund(long ExternalId, long OrderExternalId, IReadOnlyList<ChannelRefundLine> Lines);

/// <summary>
/// Units of one order line refunded. <see cref="Shipped"/> is true when the units had left the warehouse (a return),
/// false when the refund stands for units never shipped, whose reservation is then released.
/// </summary>
public sealed record ChannelRefundLine(long LineExternalId, int Quantity, bool Shipped);
