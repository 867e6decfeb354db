namespace Sintra.Hub.Core.Orders;

/// <summary>A refund as a channel reports it, independent of the channel's payload format.</summary>
public sealed record ChannelRefund(long ExternalId, long OrderExternalId, IReadOnlyList<ChannelRefundLine> Lines);

/// <summary>
/// Units of one order line refunded. <see cref="Shipped"/> is true when the channel reports the units as having left
/// the warehouse: a return, or a line the channel shows as fulfilled. <see cref="RestockType"/> is Shopify's
/// <c>restock_type</c> (<c>no_restock</c>, <c>cancel</c>, <c>return</c>, <c>legacy_restock</c>) or null.
/// </summary>
public sealed record ChannelRefundLine(long LineExternalId, int Quantity, bool Shipped, string? RestockType = null);
