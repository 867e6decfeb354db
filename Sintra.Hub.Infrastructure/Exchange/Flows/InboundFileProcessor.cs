using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange.Storage;
using Sintra.Hub.Infrastructure.Jobs;

namespace Sintra.Hub.Infrastructure.Exchange.Flows;

/// <summary>
/// Takes the complete files of a flow's inbound folder one by one: skips content already taken from the partner,
/// hands the rest to the flow's handler, records the outcome, and only then moves the file to <c>processed/</c> or
/// <c>failed/</c> with a report next to it. A failing file does not stop the others.
/// </summary>
public sealed class InboundFileProcessor(
    IDbContextFactory<HubDbContext> contextFactory,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<InboundFileProcessor> logger)
{
    public const string ProcessedFolder = "processed";
    public const string FailedFolder = "failed";
    public const string MarkerSuffix = ".ok";

    private static readonly string[] TemporarySuffixes = [".tmp", ".part", ".filepart", ".partial"];

    public async Task<JobRunOutcome> ProcessAsync(
        ExchangeFlow flow,
        ExchangeEndpoint endpoint,
        IExchangeStore store,
        string fileNamePattern,
        CancellationToken cancellationToken)
    {
        // Resolving the handler first fails the run, with every file left in place, when a service it needs is missing.
        await using (var probe = scopes.CreateAsyncScope())
        {
            probe.ServiceProvider.GetRequiredKeyedService<IInboundFileHandler>(flow.Kind);
        }

        var entries = await store.ListAsync(endpoint.InboundPath, cancellationToken);
        var ready = await SelectReadyAsync(flow, endpoint, entries, fileNamePattern, cancellationToken);
        var processed = 0;
        var failed = 0;
        var files = new List<string>();
        foreach (var entry in ready)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = await TakeAsync(flow, endpoint, store, entry, entries, cancellationToken);
            files.Add($"{entry.Name}: {status}");
            if (status == ExchangeFileStatus.Failed)
            {
                failed++;
            }
            else
            {
                processed++;
            }
        }

        return new JobRunOutcome(failed > 0 ? JobRunState.Failed : JobRunState.Succeeded, processed, failed,
            failed > 0 ? $"{failed} of {ready.Count} files failed; see failed/ and their reports." : null, files);
    }

    /// <summary>Returns true for names a partner uses while it is still writing a file.</summary>
    public static bool IsTemporaryName(string name) =>
        name.StartsWith('.') || name.StartsWith('~')
        || TemporarySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private async Task<List<ExchangeStoreEntry>> SelectReadyAsync(
        ExchangeFlow flow,
        ExchangeEndpoint endpoint,
        IReadOnlyList<ExchangeStoreEntry> entries,
        string pattern,
        CancellationToken cancellationToken)
    {
        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<ExchangeStoreEntry>();
        foreach (var entry in entries.OrderBy(e => e.ModifiedAt).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            if (IsTemporaryName(entry.Name) || entry.Name.EndsWith(MarkerSuffix, StringComparison.OrdinalIgnoreCase)
                || entry.Name.EndsWith(ReportSuffix, StringComparison.OrdinalIgnoreCase)
                || !ExchangeFileNames.MatchesPattern(entry.Name, pattern))
            {
                continue;
            }

            if (!ExchangeFileNames.IsValid(entry.Name))
            {
                JobLog.NameRejected(logger, flow.Id, entry.Name);
                continue;
            }

            candidates.Add(entry);
        }

        return endpoint.Readiness switch
        {
            FileReadiness.MarkerFile => candidates.Where(c => names.Contains(c.Name + MarkerSuffix)).ToList(),
            FileReadiness.TemporaryName => candidates,
            _ => await StableAcrossPollsAsync(flow, candidates, cancellationToken),
        };
    }

    // A file is complete when this poll reads the same size and modification time as the previous poll.
    private async Task<List<ExchangeStoreEntry>> StableAcrossPollsAsync(
        ExchangeFlow flow,
        List<ExchangeStoreEntry> candidates,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var observations = await db.Set<ExchangeFileObservation>()
            .Where(o => o.FlowId == flow.Id)
            .ToDictionaryAsync(o => o.FileName, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var stable = new List<ExchangeStoreEntry>();
        foreach (var entry in candidates)
        {
            if (observations.Remove(entry.Name, out var seen))
            {
                if (seen.Size == entry.Size && seen.ModifiedAt == entry.ModifiedAt)
                {
                    stable.Add(entry);
                }

                (seen.Size, seen.ModifiedAt, seen.SeenAt) = (entry.Size, entry.ModifiedAt, now);
            }
            else
            {
                db.Add(new ExchangeFileObservation
                {
                    FlowId = flow.Id, FileName = entry.Name, Size = entry.Size, ModifiedAt = entry.ModifiedAt, SeenAt = now,
                });
            }
        }

        // Observations of files that are gone are dropped.
        db.RemoveRange(observations.Values);
        await db.SaveChangesAsync(cancellationToken);
        return stable;
    }

    private const string ReportSuffix = ".report.txt";

    private async Task<ExchangeFileStatus> TakeAsync(
        ExchangeFlow flow,
        ExchangeEndpoint endpoint,
        IExchangeStore store,
        ExchangeStoreEntry entry,
        IReadOnlyList<ExchangeStoreEntry> entries,
        CancellationToken cancellationToken)
    {
        var path = ExchangePaths.Combine(endpoint.InboundPath, entry.Name);
        var content = await store.ReadAllAsync(path, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var earlier = await db.Set<ExchangeFile>().AsNoTracking()
                .FirstOrDefaultAsync(f => f.PartnerId == flow.PartnerId && f.Sha256 == sha, cancellationToken);
            if (earlier is not null)
            {
                var report = $"Skipped: the same content (SHA-256 {sha}) was taken on {earlier.TakenAt:u} as '{earlier.FileName}' ({earlier.Status}).";
                await MoveWithReportAsync(store, endpoint, entry.Name, ProcessedFolder, report, entries, cancellationToken);
                return ExchangeFileStatus.Processed;
            }
        }

        FileOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredKeyedService<IInboundFileHandler>(flow.Kind);
            outcome = await handler.HandleAsync(new InboundFile(flow, entry.Name, content, sha), cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or FormatException or IOException)
        {
            outcome = new FileOutcome(false, 0, 1, $"The file could not be processed: {exception.Message}");
        }

        var status = outcome.Succeeded ? ExchangeFileStatus.Processed : ExchangeFileStatus.Failed;
        var record = new ExchangeFile
        {
            PartnerId = flow.PartnerId,
            FlowId = flow.Id,
            FileName = entry.Name,
            Sha256 = sha,
            Status = status,
            RowCount = outcome.RowCount,
            ErrorCount = outcome.ErrorCount,
            Error = outcome.Succeeded ? null : Clip(outcome.Report, 2000),
            TakenAt = clock.GetUtcNow().UtcDateTime,
            NeedsAttention = !outcome.Succeeded,
        };

        // The record is committed before the file moves, so a crash in between leaves a file that the next run
        // recognises by its hash instead of applying it twice.
        // NOTE: the handler commits its own transaction first, so a crash between that commit and this insert
        // applies a stock or product file again on the next run. Shipment rows are safe through their reference.
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (outcome.Succeeded)
        {
            JobLog.FileProcessed(logger, flow.Id, entry.Name, outcome.RowCount);
        }
        else
        {
            JobLog.FileFailed(logger, flow.Id, entry.Name, Clip(outcome.Report, 300));
        }

        var folder = outcome.Succeeded ? ProcessedFolder : FailedFolder;
        var movedTo = await MoveWithReportAsync(store, endpoint, entry.Name, folder, outcome.Report, entries, cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Set<ExchangeFile>().Where(f => f.Id == record.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.MovedTo, movedTo), cancellationToken);
        }

        return status;
    }

    // Moves the file (and its marker) out of the inbound folder without overwriting anything, and writes the
    // report next to it. Returns the new relative path.
    private async Task<string> MoveWithReportAsync(
        IExchangeStore store,
        ExchangeEndpoint endpoint,
        string name,
        string folder,
        string report,
        IReadOnlyList<ExchangeStoreEntry> entries,
        CancellationToken cancellationToken)
    {
        var targetFolder = ExchangePaths.Combine(endpoint.InboundPath, folder);
        await store.EnsureFolderAsync(targetFolder, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var targetName = name;
        if (await store.ExistsAsync(ExchangePaths.Combine(targetFolder, targetName), cancellationToken)
            || await store.ExistsAsync(ExchangePaths.Combine(targetFolder, targetName + ReportSuffix), cancellationToken))
        {
            targetName = ExchangeFileNames.WithTimeSuffix(name, now);
        }

        var target = ExchangePaths.Combine(targetFolder, targetName);
        await store.MoveAsync(ExchangePaths.Combine(endpoint.InboundPath, name), target, cancellationToken);
        await store.WriteAsync(target + ReportSuffix, System.Text.Encoding.UTF8.GetBytes(report), cancellationToken);
        if (entries.Any(e => e.Name == name + MarkerSuffix))
        {
            await store.DeleteAsync(ExchangePaths.Combine(endpoint.InboundPath, name + MarkerSuffix), cancellationToken);
        }

        return target;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
