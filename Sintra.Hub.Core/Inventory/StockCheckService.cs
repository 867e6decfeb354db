using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory;

/// <summary>Counts of one stock check run.</summary>
public sealed record StockCheckSummary(int LevelsChecked, int Mismatches, int IssuesOpened, int IssuesResolved);

/// <summary>
/// Proves every level against its ledger: on hand equals the sum of on-hand deltas, reserved equals the sum of
/// reserved deltas and the open reservation rows, unavailable equals the sum of unavailable deltas. Mismatches are
/// stored as <see cref="StockCheckIssue"/> rows, which staff repair with a correction movement.
/// </summary>
public sealed class StockCheckService(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    private const int DocumentsShown = 5;

    private const int MaxReads = 5;

    /// <summary>Checks every level, opens or updates an issue per mismatch and resolves issues that agree again.</summary>
    public async Task<StockCheckSummary> RunAsync(string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var levels = await db.InventoryLevels.AsNoTracking().ToListAsync(cancellationToken);
        var mismatches = new List<Mismatch>();
        foreach (var level in levels)
        {
            mismatches.AddRange(await FindMismatchesAsync(level, cancellationToken));
        }

        var open = await db.StockCheckIssues.Where(i => i.Status == StockCheckIssueStatus.Open)
            .ToListAsync(cancellationToken);
        var opened = 0;
        foreach (var mismatch in mismatches)
        {
            var issue = open.FirstOrDefault(i => i.VariantId == mismatch.VariantId
                && i.WarehouseId == mismatch.WarehouseId && i.Quantity == mismatch.Quantity);
            if (issue is null)
            {
                issue = new StockCheckIssue
                {
                    VariantId = mismatch.VariantId,
                    WarehouseId = mismatch.WarehouseId,
                    Quantity = mismatch.Quantity,
                    DetectedAt = now,
                };
                db.StockCheckIssues.Add(issue);
                opened++;
            }

            issue.LevelValue = mismatch.LevelValue;
            issue.LedgerValue = mismatch.LedgerValue;
            issue.OpenReservations = mismatch.OpenReservations;
            issue.Documents = await DocumentsAsync(mismatch.VariantId, mismatch.WarehouseId, cancellationToken);
            issue.LastSeenAt = now;
        }

        var resolved = 0;
        foreach (var issue in open.Where(i => !mismatches.Any(m => m.VariantId == i.VariantId
            && m.WarehouseId == i.WarehouseId && m.Quantity == i.Quantity)))
        {
            issue.Status = StockCheckIssueStatus.Resolved;
            issue.ClosedAt = now;
            issue.ClosedBy = actor;
            resolved++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new StockCheckSummary(levels.Count, mismatches.Count, opened, resolved);
    }

    /// <summary>
    /// Repairs an open issue with a correction movement made by <paramref name="user"/> and referencing the issue,
    /// then marks it repaired. Runs in its own transaction.
    /// </summary>
    public async Task<StockResult> RepairAsync(Guid issueId, string user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issue = await db.StockCheckIssues.SingleOrDefaultAsync(
            i => i.Id == issueId && i.Status == StockCheckIssueStatus.Open, cancellationToken);
        if (issue is null)
        {
            return StockResult.NotFound(StockRules.Errors.IssueNotFound);
        }

        var reference = new StockReference(StockReferenceTypes.StockCheckIssue, issue.Id.ToString(), user);
        var result = await ledger.CorrectAsync(
            issue.VariantId, issue.WarehouseId, issue.Quantity, reference, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        issue.Status = StockCheckIssueStatus.Repaired;
        issue.ClosedAt = clock.GetUtcNow().UtcDateTime;
        issue.ClosedBy = user;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Compares one level with its ledger. A level that changes between the reads is read again, because a
    /// movement committed in between would otherwise look like a mismatch. A level still changing after
    /// <see cref="MaxReads"/> reads is skipped until the next run.
    /// </summary>
    private async Task<List<Mismatch>> FindMismatchesAsync(
        InventoryLevel level,
        CancellationToken cancellationToken,
        int read = 1)
    {
        var found = new List<Mismatch>();
        var sums = await db.InventoryMovements.AsNoTracking()
            .Where(m => m.VariantId == level.VariantId && m.WarehouseId == level.WarehouseId)
            .GroupBy(m => 1)
            .Select(g => new
            {
                OnHand = g.Sum(m => m.OnHandDelta),
                Reserved = g.Sum(m => m.ReservedDelta),
                Unavailable = g.Sum(m => m.UnavailableDelta),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var openReserved = await db.Reservations.AsNoTracking()
            .Where(r => r.VariantId == level.VariantId && r.WarehouseId == level.WarehouseId
                && r.Status == ReservationStatus.Open)
            .SumAsync(r => r.Quantity, cancellationToken);
        var current = await db.InventoryLevels.AsNoTracking().SingleAsync(l => l.Id == level.Id, cancellationToken);
        if (current.Version != level.Version)
        {
            return read < MaxReads ? await FindMismatchesAsync(current, cancellationToken, read + 1) : found;
        }

        var (onHand, reserved, unavailable) = (sums?.OnHand ?? 0, sums?.Reserved ?? 0, sums?.Unavailable ?? 0);
        if (level.OnHand != onHand)
        {
            found.Add(new Mismatch(level.VariantId, level.WarehouseId, StockQuantity.OnHand, level.OnHand, onHand, null));
        }

        if (level.Reserved != reserved || level.Reserved != openReserved)
        {
            found.Add(new Mismatch(
                level.VariantId, level.WarehouseId, StockQuantity.Reserved, level.Reserved, reserved, openReserved));
        }

        if (level.Unavailable != unavailable)
        {
            found.Add(new Mismatch(
                level.VariantId, level.WarehouseId, StockQuantity.Unavailable, level.Unavailable, unavailable, null));
        }

        return found;
    }

    private async Task<string?> DocumentsAsync(Guid variantId, Guid warehouseId, CancellationToken cancellationToken)
    {
        var references = await db.InventoryMovements.AsNoTracking()
            .Where(m => m.VariantId == variantId && m.WarehouseId == warehouseId && m.ReferenceType != null)
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id)
            .Select(m => m.ReferenceType + ":" + m.ReferenceId)
            .Take(DocumentsShown * 4)
            .ToListAsync(cancellationToken);
        var documents = string.Join(' ', references.Distinct().Take(DocumentsShown));
        return documents.Length == 0 ? null : documents[..Math.Min(documents.Length, 1000)];
    }

    private sealed record Mismatch(
        Guid VariantId,
        Guid WarehouseId,
        StockQuantity Quantity,
        int LevelValue,
        int LedgerValue,
        int? OpenReservations);
}
