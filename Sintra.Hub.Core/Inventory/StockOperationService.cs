using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory;

/// <summary>
/// Runs one manual stock operation of a user in its own context and transaction, committing only when the ledger
/// accepts it.
/// </summary>
public sealed class StockOperationService(IDbContextFactory<HubDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Changes on hand by a delta with a required reason; see <see cref="StockLedger.AdjustAsync"/>.</summary>
    public Task<StockResult> AdjustAsync(
        Guid variantId,
        Guid warehouseId,
        int onHandDelta,
        string? reason,
        string user,
        bool allowNegative,
        CancellationToken cancellationToken) =>
        RunAsync(
            ledger => ledger.AdjustAsync(
                variantId, warehouseId, onHandDelta, reason, user, allowNegative, cancellationToken),
            cancellationToken);

    /// <summary>Moves units between warehouses; see <see cref="StockLedger.TransferAsync"/>.</summary>
    public Task<StockResult> TransferAsync(
        Guid variantId,
        Guid fromWarehouseId,
        Guid toWarehouseId,
        int quantity,
        string? reason,
        string user,
        CancellationToken cancellationToken) =>
        RunAsync(
            ledger => ledger.TransferAsync(
                variantId, fromWarehouseId, toWarehouseId, quantity, reason, user, cancellationToken),
            cancellationToken);

    /// <summary>Moves units to or from unavailable; see <see cref="StockLedger.MoveToUnavailableAsync"/>.</summary>
    public Task<StockResult> MoveToUnavailableAsync(
        Guid variantId,
        Guid warehouseId,
        int quantity,
        UnavailableKind kind,
        string? reason,
        string user,
        CancellationToken cancellationToken) =>
        RunAsync(
            ledger => ledger.MoveToUnavailableAsync(
                variantId, warehouseId, quantity, kind, reason, user, cancellationToken),
            cancellationToken);

    private async Task<StockResult> RunAsync(
        Func<StockLedger, Task<StockResult>> operation,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await operation(new StockLedger(db, clock));
        if (!result.Succeeded)
        {
            // A rejected operation may have inserted an empty level first; rolling back leaves no trace of it.
            return result;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
