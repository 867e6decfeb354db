using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Inventory;

namespace Sintra.Hub.Infrastructure.Inventory;

/// <summary>
/// Runs the stock check in a scope of its own, one run at a time in this process, for the job and for the
/// "run now" button alike.
/// </summary>
/// <remarks>
/// NOTE: two instances of the hub on one database may still check at the same time and both open an issue for
/// the same mismatch; run the scheduled check in one instance only (<see cref="StockCheckOptions.Enabled"/>).
/// </remarks>
public sealed partial class StockCheckRunner(IServiceScopeFactory scopes, ILogger<StockCheckRunner> logger)
    : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Runs a check on behalf of <paramref name="actor"/>, waiting for a run already in progress.</summary>
    public async Task<StockCheckSummary> RunAsync(string actor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            LogStarted(actor);
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<StockCheckService>();
            var summary = await service.RunAsync(actor, cancellationToken);
            LogFinished(summary.LevelsChecked, summary.Mismatches, summary.IssuesOpened, summary.IssuesResolved);
            return summary;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(4101, LogLevel.Information, "Stock check started by {Actor}")]
    private partial void LogStarted(string actor);

    [LoggerMessage(4102, LogLevel.Information,
        "Stock check finished: {Levels} levels, {Mismatches} mismatches, {Opened} issues opened, {Resolved} resolved")]
    private partial void LogFinished(int levels, int mismatches, int opened, int resolved);
}
