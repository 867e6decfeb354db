using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange.Flows;
using Sintra.Hub.Infrastructure.Exchange.Storage;
using Sintra.Hub.Infrastructure.Jobs;

namespace Sintra.Hub.Infrastructure.Exchange;

public sealed class ExchangeOptions
{
    public const string SectionName = "Exchange";

    /// <summary>How long a flow's lease lasts without renewal; the runner renews it every third of this time.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Runs one flow under its database lease, so that a flow never runs twice at once, also across app instances on
/// the same database. A run that finds the lease taken is skipped.
/// </summary>
public sealed class ExchangeFlowRunner(
    IDbContextFactory<HubDbContext> contextFactory,
    JobLeaseStore leases,
    ExchangeStoreFactory stores,
    InboundFileProcessor inbound,
    IServiceScopeFactory scopes,
    IOptions<ExchangeOptions> options,
    ILogger<ExchangeFlowRunner> logger)
{
    public static string LeaseName(Guid flowId) => $"exchange-flow:{flowId}";

    public async Task<JobRunOutcome> RunAsync(Guid flowId, bool reexport, CancellationToken cancellationToken)
    {
        var owner = $"{JobRunRecorder.InstanceName}:{Guid.NewGuid():N}";
        var leaseName = LeaseName(flowId);
        var duration = options.Value.LeaseDuration;
        if (!await leases.TryAcquireAsync(leaseName, owner, duration, cancellationToken))
        {
            JobLog.LeaseBusy(logger, flowId);
            return new JobRunOutcome(JobRunState.Skipped, 0, 0, "Another instance is running this flow.", []);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewUntilDoneAsync(flowId, leaseName, owner, duration, run);
        try
        {
            return await RunLeasedAsync(flowId, reexport, run.Token);
        }
        catch (Exception exception) when (exception is ExchangeStoreException or InvalidOperationException
            or IOException or Renci.SshNet.Common.SshException or Azure.RequestFailedException or DbUpdateException)
        {
            JobLog.FlowFailed(logger, exception, flowId);
            return new JobRunOutcome(JobRunState.Failed, 0, 0, exception.Message, []);
        }
        finally
        {
            await run.CancelAsync();
            await renewal;
            await leases.ReleaseAsync(leaseName, owner, CancellationToken.None);
        }
    }

    private async Task<JobRunOutcome> RunLeasedAsync(Guid flowId, bool reexport, CancellationToken cancellationToken)
    {
        ExchangeFlow flow;
        ExchangeEndpoint endpoint;
        string pattern = "*";
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            flow = await db.Set<ExchangeFlow>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == flowId, cancellationToken)
                ?? throw new InvalidOperationException($"Flow {flowId} was not found.");
            endpoint = await db.Set<ExchangeEndpoint>().AsNoTracking().SingleAsync(e => e.Id == flow.EndpointId, cancellationToken);
            if (flow.CsvProfileId is { } profileId)
            {
                pattern = await db.Set<ExchangeCsvProfile>().Where(p => p.Id == profileId)
                    .Select(p => p.FileNamePattern).SingleOrDefaultAsync(cancellationToken) ?? "*";
            }
        }

        await using var store = await stores.OpenAsync(endpoint, cancellationToken);
        if (flow.Kind != ExchangeFlowKind.OrdersOut)
        {
            var inboundPattern = flow.Kind == ExchangeFlowKind.ShipmentsIn ? pattern : "*";
            return await inbound.ProcessAsync(flow, endpoint, store, inboundPattern, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrderExporter>()
            .ExportAsync(flow, endpoint, store, reexport, cancellationToken);
        if (result.FileName is not null)
        {
            JobLog.OrdersExported(logger, flow.Id, result.OrderCount, result.FileName);
        }

        return new JobRunOutcome(
            JobRunState.Succeeded,
            result.OrderCount,
            0,
            null,
            result.FileName is null ? [] : [result.FileName, result.ManifestName!]);
    }

    private async Task RenewUntilDoneAsync(Guid flowId, string leaseName, string owner, TimeSpan duration, CancellationTokenSource run)
    {
        try
        {
            using var timer = new PeriodicTimer(duration / 3);
            while (await timer.WaitForNextTickAsync(run.Token))
            {
                if (!await leases.RenewAsync(leaseName, owner, duration, run.Token))
                {
                    // Another instance took the lease after it expired, so this run stops at its next step.
                    JobLog.LeaseLost(logger, flowId);
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run finished.
        }
    }
}
