using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Inventory.Import;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

/// <summary>
/// Applies queued stock imports one at a time in the background, so a long file keeps going when the page is
/// closed. At start it picks up imports that were queued or applying when the process stopped. An interrupted
/// apply was rolled back with its transaction, so it runs again from the start.
/// </summary>
public sealed class StockImportQueue(IServiceScopeFactory scopeFactory, ILogger<StockImportQueue> logger)
    : BackgroundService
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>();

    /// <summary>Adds an import that has a <see cref="StockImportStatus.Queued"/> record.</summary>
    public void Enqueue(Guid importId) => queue.Writer.TryWrite(importId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var unfinished = await scope.ServiceProvider.GetRequiredService<StockImportRecords>()
                .ListUnfinishedAsync(stoppingToken);
            if (unfinished.Count > 0)
            {
                StockImportLog.Resuming(logger, unfinished.Count);
            }

            unfinished.ForEach(Enqueue);
        }

        await foreach (var importId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StockImportRunner>().RunAsync(importId, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One broken import (a missing file, a database outage) must not stop the queue for the others.
                StockImportLog.Failed(logger, exception, importId);
                await MarkFailedAsync(importId);
            }
        }
    }

    private async Task MarkFailedAsync(Guid importId)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StockImportRecords>().UpdateAsync(
                importId,
                (i, now) => (i.Status, i.Message, i.FinishedAt) =
                    (StockImportStatus.Failed, "The import failed unexpectedly; see the log. Nothing was written.", now),
                CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StockImportLog.Failed(logger, exception, importId);
        }
    }
}
