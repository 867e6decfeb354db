using Sintra.Hub.Core.Inventory;

namespace Sintra.Hub.Core.Inventory.Queries;

/// <summary>
/// One ledger movement as the product page shows it. <see cref="OrderId"/> is set when the reference is an
/// order whose id parses as a GUID.
/// </summary>
public sealed record MovementRow(
    Guid Id,
    DateTime OccurredAt,
    string WarehouseCode,
    string? Sku,
    MovementReason Reason,
    int OnHandDelta,
    int ReservedDelta,
    int UnavailableDelta,
    int OnHandAfter,
    int ReservedAfter,
    int UnavailableAfter,
    string? ReferenceType,
    string? ReferenceId,
    string Actor)
{
    /// <summary>Reference type of movements caused by an order; their reference id is the order id.</summary>
    public const string OrderReferenceType = StockReferenceTypes.Order;

    public Guid? OrderId =>
        ReferenceType == OrderReferenceType && Guid.TryParse(ReferenceId, out var id) ? id : null;
}

/// <summary>One page of movements, newest first, and the number of movements in the whole history.</summary>
public sealed record MovementPage(IReadOnlyList<MovementRow> Rows, int TotalCount);
