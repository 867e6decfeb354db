using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Reconciles every channel with push enabled, on its schedule or when started from the sync page.</summary>
[DisallowConcurrentExecution]
public sealed class StockReconciliationJob(IServiceScopeFactory scopes, ILogger<StockReconciliationJob> logger) : IJob
{
    public static readonly JobKey Key = new("reconciliation", "stock-sync");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<StockReconciliationService>();
            await service.RunAllAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            StockSyncLog.JobFailed(logger, exception, Key.Name);
        }
    }
}
