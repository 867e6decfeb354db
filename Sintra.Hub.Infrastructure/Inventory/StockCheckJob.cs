using Microsoft.Extensions.Logging;
using Quartz;

namespace Sintra.Hub.Infrastructure.Inventory;

/// <summary>Proves every level against the ledger every <see cref="StockCheckOptions.IntervalMinutes"/>.</summary>
[DisallowConcurrentExecution]
public sealed partial class StockCheckJob(StockCheckRunner runner, ILogger<StockCheckJob> logger) : IJob
{
    public const string Actor = "stock-check";

    public static readonly JobKey Key = new("stock-check", "inventory");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(Actor, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing is half-written: issues are saved in one SaveChanges at the end. The next run tries again.
            LogFailed(exception);
        }
    }

    [LoggerMessage(4103, LogLevel.Error, "Stock check failed; the next scheduled run tries again")]
    private partial void LogFailed(Exception exception);
}
