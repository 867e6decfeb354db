using Microsoft.Extensions.Logging;
using Quartz;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Outbox;

/// <summary>Pushes stock changes from the outbox on a simple trigger. One run at a time per instance.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(OutboxProcessor processor, ILogger<OutboxJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox", "stock-sync");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessDueAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Claimed rows whose run failed here keep their claim until it expires and are then claimed again.
            StockSyncLog.JobFailed(logger, exception, Key.Name);
        }
    }
}
