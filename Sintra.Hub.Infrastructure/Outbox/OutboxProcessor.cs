using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Outbox;

/// <summary>
/// Claims due <c>stock.changed</c> rows in batches and pushes the stock of their variants to every Shopify channel
/// that sells from the changed warehouses. Rows of the same variant collapse into one quantity per location. A row
/// ends done, failed with its error, or scheduled for a retry with backoff; none is deleted.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    IDbContextFactory<HubDbContext> contexts,
    TimeProvider clock,
    IOptions<StockSyncOptions> options,
    ILogger<OutboxProcessor> logger)
{
    private StockSyncOptions Options => options.Value;

    /// <summary>Processes due rows batch by batch until none is left; returns how many rows were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var batch = await OutboxClaim.ClaimAsync(contexts, Now, Options, cancellationToken);
            if (batch.Rows.Count == 0)
            {
                return total;
            }

            total += batch.Rows.Count;
            await PushAsync(batch, cancellationToken);
            if (batch.Rows.Count < Options.BatchSize)
            {
                return total;
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task PushAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        var key = await OutboxClaim.LeaderKeyAsync(contexts, batch, cancellationToken);
        var variantErrors = new Dictionary<Guid, string>();
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var push = scope.ServiceProvider.GetRequiredService<StockPushService>();
            foreach (var channel in await push.LoadEnabledChannelsAsync(cancellationToken))
            {
                var variants = batch.Rows
                    .Where(r => r.EntityId is not null && Guid.TryParse(r.Payload, out var warehouseId)
                        && channel.SellsFrom(warehouseId))
                    .Select(r => r.EntityId!.Value)
                    .Distinct()
                    .ToList();
                if (variants.Count == 0)
                {
                    continue;
                }

                var result = await push.PushAsync(
                    channel, variants, $"{key}-{channel.Channel.Id:N}", batch.Leader.Id.ToString(), cancellationToken);
                error ??= result.Error;
                foreach (var (variantId, message) in result.VariantErrors)
                {
                    variantErrors[variantId] = message;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException
                                          || !cancellationToken.IsCancellationRequested)
        {
            // A failure here, for example a lost database connection, must not lose the rows: they are retried.
            error = exception.Message;
        }

        await FinishAsync(batch, error, variantErrors, cancellationToken);
    }

    private async Task FinishAsync(
        OutboxBatch batch,
        string? error,
        Dictionary<Guid, string> variantErrors,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        if (error is not null)
        {
            foreach (var group in batch.Rows.GroupBy(r => r.Attempts))
            {
                var gaveUp = group.Key >= Options.MaxAttempts;
                var next = gaveUp ? now : now + Options.RetryDelay(group.Key);
                await OutboxClaim.SetAsync(db, batch, group.Select(r => r.Id).ToList(),
                    gaveUp ? OutboxStatus.Failed : OutboxStatus.Retrying, next, error, null, cancellationToken);
                foreach (var row in group)
                {
                    if (gaveUp)
                    {
                        StockSyncLog.OutboxGaveUp(logger, row.Id, row.Attempts, error);
                    }
                    else
                    {
                        StockSyncLog.OutboxRetry(logger, row.Id, row.Attempts, next, error);
                    }
                }
            }

            return;
        }

        foreach (var group in batch.Rows.GroupBy(r => r.EntityId is { } id ? variantErrors.GetValueOrDefault(id) : null))
        {
            // A variant error, such as an unknown SKU, fails the same way on every attempt until the data is fixed.
            // Its rows fail at once and keep the message, and the next stock change pushes the variant again.
            var status = group.Key is null ? OutboxStatus.Done : OutboxStatus.Failed;
            await OutboxClaim.SetAsync(db, batch, group.Select(r => r.Id).ToList(), status, now, group.Key, now,
                cancellationToken);
        }
    }
}
