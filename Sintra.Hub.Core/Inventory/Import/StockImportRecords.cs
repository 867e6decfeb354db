using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>A row of the import list on the upload page.</summary>
public sealed record StockImportSummary(
    Guid Id,
    string FileName,
    string ProfileName,
    string UserName,
    StockImportStatus Status,
    int RowCount,
    int ChangedCount,
    string? Message,
    DateTime CreatedAt,
    DateTime? FinishedAt);

/// <summary>Creates, lists and updates the records of stock imports.</summary>
public sealed class StockImportRecords(IDbContextFactory<HubDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Adds a queued import and returns its id.</summary>
    public async Task<Guid> QueueAsync(StockImport import, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        import.Status = StockImportStatus.Queued;
        import.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Set<StockImport>().Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import.Id;
    }

    /// <summary>Returns the latest imports, newest first.</summary>
    public async Task<List<StockImportSummary>> ListAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StockImport>().AsNoTracking()
            .OrderByDescending(i => i.CreatedAt)
            .Take(count)
            .Select(i => new StockImportSummary(
                i.Id, i.FileName, i.ProfileName, i.UserName, i.Status, i.RowCount, i.ChangedCount, i.Message,
                i.CreatedAt, i.FinishedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Returns the ids of imports that are queued or were applying when the process stopped.</summary>
    public async Task<List<Guid>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StockImport>().AsNoTracking()
            .Where(i => i.Status == StockImportStatus.Queued || i.Status == StockImportStatus.Applying)
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Changes an import's record; returns false when it does not exist.</summary>
    public async Task<bool> UpdateAsync(Guid id, Action<StockImport, DateTime> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var import = await db.Set<StockImport>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return false;
        }

        change(import, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
