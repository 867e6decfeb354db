using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>
/// Writes a planned stock import through <see cref="StockLedger"/> in one transaction, and undoes a whole import.
/// Every movement carries the reference <c>Import</c>, <c>{importId}:{line}</c> and the user.
/// </summary>
public sealed class StockImportApplier(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    /// <summary>Rows written between two saves, so the change tracker stays small on long files.</summary>
    public const int BatchSize = 500;

    private const string UndoSuffix = ":undo";

    /// <summary>
    /// Applies the rows of a preview that has no errors, all or nothing, and marks the import applied. The import's
    /// record must be in <see cref="StockImportStatus.Applying"/>. Returns the number of changed levels.
    /// A full count sets the on hand to the preview's target plus any change since the preview. A delta adds the
    /// file's quantity to the on hand read in this transaction.
    /// </summary>
    public async Task<int> ApplyAsync(
        Guid importId,
        StockImportPreview preview,
        string user,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        if (!preview.CanApply)
        {
            throw new InvalidOperationException($"Import {importId} has errors and cannot be applied.");
        }

        var reason = preview.Mode == StockImportMode.FullCount ? MovementReason.Count : MovementReason.Adjustment;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        var done = 0;
        foreach (var row in preview.Rows)
        {
            // A change recorded after the preview read the level also happened after the count, so it is kept: the
            // count adds the difference it found at preview time, in one conditional update.
            var delta = preview.Mode == StockImportMode.FullCount
                ? row.TargetOnHand - row.OnHand
                : row.FileQuantity;
            var reference = new StockReference(StockReferenceTypes.Import, $"{importId}:{row.Line}", user);
            var (movement, after) = await ledger.AddOnHandAsync(
                row.VariantId, row.WarehouseId, delta, reason, reference, cancellationToken);
            if (after < 0)
            {
                throw new StockImportRejectedException(
                    $"Line {row.Line}: the on hand of {row.Key} would become {after}, because stock left the "
                    + "warehouse after the preview. Count that item again.");
            }

            if (movement is not null)
            {
                changed++;
            }

            if (++done % BatchSize == 0)
            {
                await SaveBatchAsync(cancellationToken);
                progress?.Report(done);
            }
        }

        await SaveBatchAsync(cancellationToken);

        // The status changes in the same transaction as the stock, so a restart never applies an import twice.
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Set<StockImport>()
            .Where(i => i.Id == importId && i.Status == StockImportStatus.Applying)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, StockImportStatus.Applied)
                    .SetProperty(i => i.RowCount, preview.Rows.Count)
                    .SetProperty(i => i.ChangedCount, changed)
                    .SetProperty(i => i.FinishedAt, now)
                    .SetProperty(i => i.Message, (string?)null)
                    .SetProperty(i => i.Version, i => i.Version + 1),
                cancellationToken);
        if (marked != 1)
        {
            throw new StockImportRejectedException($"Import {importId} is not being applied, so nothing was written.");
        }

        await transaction.CommitAsync(cancellationToken);
        progress?.Report(done);
        return changed;
    }

    /// <summary>
    /// Writes a reversing movement for every movement of an applied import and marks it undone, all or nothing.
    /// Throws <see cref="StockImportRejectedException"/> when the import is not applied or a reversal would take an
    /// on hand below zero.
    /// </summary>
    public async Task<int> UndoAsync(Guid importId, string user, CancellationToken cancellationToken)
    {
        var prefix = $"{importId}:";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claiming the status first in this transaction stops two users from undoing the same import twice.
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<StockImport>()
            .Where(i => i.Id == importId && i.Status == StockImportStatus.Applied)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, StockImportStatus.Undone)
                    .SetProperty(i => i.UndoneAt, now)
                    .SetProperty(i => i.UndoneBy, user)
                    .SetProperty(i => i.Message, (string?)null)
                    .SetProperty(i => i.Version, i => i.Version + 1),
                cancellationToken);
        if (claimed != 1)
        {
            throw new StockImportRejectedException("Only an applied import can be undone. Reload the list of imports.");
        }

        var movements = (await db.InventoryMovements.AsNoTracking()
                .Where(m => m.ReferenceType == StockReferenceTypes.Import && m.ReferenceId!.StartsWith(prefix))
                .OrderBy(m => m.OccurredAt)
                .ToListAsync(cancellationToken))
            .Where(m => !m.ReferenceId!.EndsWith(UndoSuffix, StringComparison.Ordinal) && m.OnHandDelta != 0)
            .ToList();

        // Each reversal is one conditional update. One that would take on hand below zero throws, and the
        // transaction rolls back every reversal written before it.
        var done = 0;
        foreach (var movement in movements)
        {
            var reference = new StockReference(
                StockReferenceTypes.Import, movement.ReferenceId + UndoSuffix, user);
            var (_, after) = await ledger.AddOnHandAsync(
                movement.VariantId, movement.WarehouseId, -movement.OnHandDelta, MovementReason.Adjustment, reference,
                cancellationToken);
            if (after < 0)
            {
                var line = movement.ReferenceId![prefix.Length..];
                throw new StockImportRejectedException(
                    $"Undo would take the on hand of line {line} to {after}, because stock left the warehouse "
                    + "after the import. Count that item again instead.");
            }

            if (++done % BatchSize == 0)
            {
                await SaveBatchAsync(cancellationToken);
            }
        }

        await SaveBatchAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return movements.Count;
    }

    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}

/// <summary>An apply or undo that the stock rules forbid; the message states the reason and what to do.</summary>
public sealed class StockImportRejectedException(string message) : Exception(message);
