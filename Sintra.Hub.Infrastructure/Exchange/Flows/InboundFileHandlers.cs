using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Inventory.Import;

namespace Sintra.Hub.Infrastructure.Exchange.Flows;

/// <summary>The result of one inbound file: counts and the text of the report written next to the moved file.</summary>
public sealed record FileOutcome(bool Succeeded, int RowCount, int ErrorCount, string Report);

/// <summary>The context of an inbound file: its flow, name, content and content hash.</summary>
public sealed record InboundFile(ExchangeFlow Flow, string FileName, byte[] Content, string Sha256);

/// <summary>Takes an inbound file into the hub. Resolved from a scope per file.</summary>
public interface IInboundFileHandler
{
    Task<FileOutcome> HandleAsync(InboundFile file, CancellationToken cancellationToken);
}

/// <summary>Warehouse stock files, through the stock import: the same preview rules, import id and undo.</summary>
public sealed class StockFileHandler(
    HubDbContext db,
    StockImportPlanner planner,
    IStockFileReader reader,
    StockImportFiles files,
    StockImportRecords records,
    IServiceScopeFactory scopes,
    TimeProvider clock) : IInboundFileHandler
{
    public async Task<FileOutcome> HandleAsync(InboundFile file, CancellationToken cancellationToken)
    {
        var profile = await db.Set<StockImportProfile>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == file.Flow.StockProfileId, cancellationToken);
        if (profile is null)
        {
            return new FileOutcome(false, 0, 1, "The flow has no stock import profile. Choose one in the flow's settings.");
        }

        var countedAt = clock.GetUtcNow().UtcDateTime;
        StockImportPreview preview;
        using (var content = new MemoryStream(file.Content, writable: false))
        {
            preview = await planner.PlanAsync(profile, reader.ReadAsync(content, profile, cancellationToken), countedAt, cancellationToken);
        }

        if (!preview.CanApply)
        {
            return new FileOutcome(false, preview.DataRowCount, Math.Max(1, preview.ErrorRowCount), DescribeRejected(preview));
        }

        string storedName;
        using (var content = new MemoryStream(file.Content, writable: false))
        {
            storedName = await files.SaveAsync(content, cancellationToken);
        }

        var import = new StockImport
        {
            ProfileId = profile.Id,
            ProfileVersion = profile.Version,
            ProfileName = profile.Name,
            FileName = file.FileName,
            StoredFileName = storedName,
            Mode = profile.Mode,
            CountedAt = countedAt,
            UserName = $"file:{file.FileName}",
            RowCount = preview.Rows.Count,
        };
        await records.QueueAsync(import, cancellationToken);

        // The runner plans again against the stock of this moment and writes in one transaction.
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StockImportRunner>().RunAsync(import.Id, cancellationToken);
        }

        var done = await db.Set<StockImport>().AsNoTracking().SingleAsync(i => i.Id == import.Id, cancellationToken);
        var report = $"Stock import {done.Id} ({profile.Name}, {profile.Mode}): {done.Status}, "
            + $"{done.RowCount} rows, {done.ChangedCount} levels changed.{(done.Message is null ? string.Empty : " " + done.Message)}";
        return new FileOutcome(done.Status == StockImportStatus.Applied, done.RowCount, done.Status == StockImportStatus.Applied ? 0 : 1, report);
    }

    private static string DescribeRejected(StockImportPreview preview)
    {
        var report = new StringBuilder("The file was rejected and nothing was written.\n");
        if (preview.FileFailure is { } failure)
        {
            report.Append($"Line {failure.Line}: {failure.Code} {failure.Detail}\n");
        }

        foreach (var error in preview.Errors.Take(200))
        {
            report.Append($"Line {error.Line}: {error.Code} in column '{error.Column}', value '{error.Value}'\n");
        }

        if (preview.Errors.Count > 200)
        {
            report.Append($"… and {preview.Errors.Count - 200} more errors.\n");
        }

        return report.ToString();
    }
}

/// <summary>Product and price files, through the catalog import, all or nothing.</summary>
public sealed class ProductFileHandler(ProductCsvImporter importer) : IInboundFileHandler
{
    public async Task<FileOutcome> HandleAsync(InboundFile file, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(file.Content, writable: false);
        var result = await importer.ApplyAsync(content, new ImportRequest(null, $"file:{file.FileName}"), cancellationToken);
        var preview = result.Preview;
        var report = new StringBuilder();
        report.Append($"Catalog import {preview.ImportId}: {(result.Applied ? "applied" : "rejected, nothing was written")}; ");
        report.Append($"{preview.Count(ImportChange.Create)} products created, {preview.Count(ImportChange.Update)} updated, ");
        report.Append($"{preview.Count(ImportChange.Unchanged)} unchanged.\n");
        foreach (var error in preview.Errors.Take(200))
        {
            report.Append($"Line {error.Line}: {error.Message}\n");
        }

        return new FileOutcome(result.Applied, preview.Products.Count, preview.Errors.Count, report.ToString());
    }
}
