using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

/// <summary>
/// Applies a queued import: reads its stored file again, plans it against the stock of this moment and writes it
/// in one transaction, or marks the import failed with the reason. Resolve it from a scope per run.
/// </summary>
public sealed class StockImportRunner(
    HubDbContext db,
    StockImportPlanner planner,
    StockImportApplier applier,
    IStockFileReader reader,
    StockImportFiles files,
    StockImportRecords records,
    StockImportProgress progress,
    ILogger<StockImportRunner> logger)
{
    /// <summary>Runs a queued import; an import in any other state is left alone.</summary>
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        var import = await db.Set<StockImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is not { Status: StockImportStatus.Queued or StockImportStatus.Applying })
        {
            return;
        }

        StockImportLog.Started(logger, importId);
        await records.UpdateAsync(importId, (i, now) => (i.Status, i.StartedAt) = (StockImportStatus.Applying, now), cancellationToken);
        progress.Report(importId, 0);
        try
        {
            if (await ApplyAsync(import, cancellationToken) is { } failure)
            {
                await records.UpdateAsync(importId, failure, CancellationToken.None);
            }
        }
        catch (DbUpdateException exception)
        {
            StockImportLog.Failed(logger, exception, importId);
            await MarkFailedAsync(importId, "The database rejected the import, so nothing was written. Upload it again.");
        }
        finally
        {
            progress.Remove(importId);
        }

        // Applied or failed, the import is finished. A failed file is fixed and uploaded again, never retried.
        files.Delete(import.StoredFileName);
    }

    // Returns null when the import was applied, otherwise the change that marks it failed.
    private async Task<Action<StockImport, DateTime>?> ApplyAsync(StockImport import, CancellationToken cancellationToken)
    {
        var profile = await db.Set<StockImportProfile>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == import.ProfileId, cancellationToken);
        if (profile is null)
        {
            return Fail(import.Id, "The import profile was deleted before the import ran. Upload the file again.");
        }

        if (profile.Version != import.ProfileVersion)
        {
            return Fail(import.Id, "The import profile changed after the preview, so the file could be read differently. "
                + "Upload it again to see the new preview.");
        }

        StockImportPreview preview;
        await using (var content = files.Open(import.StoredFileName))
        {
            preview = await planner.PlanAsync(
                profile, reader.ReadAsync(content, profile, cancellationToken), import.CountedAt, cancellationToken);
        }

        if (!preview.CanApply)
        {
            return Fail(import.Id, $"The file has {preview.ErrorRowCount} rows with errors against the current stock "
                + "or profile, so nothing was written. Upload it again to see them.");
        }

        try
        {
            var reporter = new Progress<int>(rows => progress.Report(import.Id, rows));
            var changed = await applier.ApplyAsync(import.Id, preview, import.UserName, reporter, cancellationToken);
            StockImportLog.Applied(logger, import.Id, preview.Rows.Count, changed);
            return null;
        }
        catch (StockImportRejectedException exception)
        {
            return Fail(import.Id, exception.Message);
        }
    }

    private Action<StockImport, DateTime> Fail(Guid importId, string message)
    {
        StockImportLog.Rejected(logger, importId, message);
        return (i, now) => (i.Status, i.Message, i.FinishedAt) = (StockImportStatus.Failed, message, now);
    }

    private Task MarkFailedAsync(Guid importId, string message) =>
        records.UpdateAsync(
            importId,
            (i, now) => (i.Status, i.Message, i.FinishedAt) = (StockImportStatus.Failed, message, now),
            CancellationToken.None);

    /// <summary>
    /// Reverses an applied import. Returns null on success, otherwise the reason it was rejected, which is also
    /// stored on the import.
    /// </summary>
    public async Task<string?> UndoAsync(Guid importId, string user, CancellationToken cancellationToken)
    {
        try
        {
            var reversed = await applier.UndoAsync(importId, user, cancellationToken);
            StockImportLog.Undone(logger, importId, user, reversed);
            return null;
        }
        catch (StockImportRejectedException exception)
        {
            StockImportLog.Rejected(logger, importId, exception.Message);
            await records.UpdateAsync(importId, (i, _) => i.Message = exception.Message, CancellationToken.None);
            return exception.Message;
        }
    }
}
