using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Outbox;

/// <summary>
/// Delivers due outbox rows. <c>stock.changed</c> rows are claimed in batches and push the stock of their variants
/// to every Shopify channel that sells from the changed warehouses; rows of the same variant collapse into one
/// quantity per location. Rows of every other topic go one by one to the <see cref="IOutboxHandler"/> registered for
/// the topic. A row ends done, failed with its error, or scheduled for a retry with backoff; none is deleted.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    IDbContextFactory<HubDbContext> contexts,
    TimeProvider clock,
    IOptions<StockSyncOptions> options,
    OutboxHandlerRegistry registry,
    ILogger<OutboxProcessor> logger)
{
    private static readonly string[] StockTopics = [OutboxTopics.StockChanged];

    private StockSyncOptions Options => options.Value;

    /// <summary>Processes due rows batch by batch until none is left; returns how many rows were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var batch = await OutboxClaim.ClaimAsync(
                contexts, Now, Options, StockTopics, Options.BatchSize, cancellationToken);
            if (batch.Rows.Count == 0)
            {
                break;
            }

            total += batch.Rows.Count;
            await PushAsync(batch, cancellationToken);
            if (batch.Rows.Count < Options.BatchSize)
            {
                break;
            }
        }

        return total + await DispatchOtherTopicsAsync(cancellationToken);
    }

    private async Task<int> DispatchOtherTopicsAsync(CancellationToken cancellationToken)
    {
        var topics = registry.Topics;
        if (topics.Count == 0)
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            var batch = await OutboxClaim.ClaimAsync(
                contexts, Now, Options, topics, Options.HandlerBatchSize, cancellationToken);
            foreach (var row in batch.Rows)
            {
                await DispatchAsync(batch, row, cancellationToken);
            }

            total += batch.Rows.Count;
            if (batch.Rows.Count < Options.HandlerBatchSize)
            {
                return total;
            }
        }
    }

    private async Task DispatchAsync(OutboxBatch batch, OutboxMessage row, CancellationToken cancellationToken)
    {
        string? error = null;
        var permanent = false;
        try
        {
            if (row.IdempotencyKey is null)
            {
                // Stored before the first call, so that a retry after a lost response repeats the same key.
                row.IdempotencyKey = Guid.NewGuid().ToString("N");
                await using var keyDb = await contexts.CreateDbContextAsync(cancellationToken);
                await keyDb.OutboxMessages.Where(m => m.Id == row.Id && m.LockedUntil == batch.LockedUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.IdempotencyKey, row.IdempotencyKey),
                        cancellationToken);
            }

            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredKeyedService<IOutboxHandler>(row.Topic);
            await handler.HandleAsync(row, cancellationToken);
        }
        catch (OutboxPermanentFailureException failure)
        {
            error = failure.Message;
            permanent = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException
                                          || !cancellationToken.IsCancellationRequested)
        {
            error = exception.Message;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        if (error is null)
        {
            await OutboxClaim.SetAsync(db, batch, [row.Id], OutboxStatus.Done, now, null, now, cancellationToken);
            return;
        }

        var gaveUp = permanent || row.Attempts >= Options.MaxAttempts;
        var next = gaveUp ? now : now + Options.RetryDelay(row.Attempts);
        await OutboxClaim.SetAsync(db, batch, [row.Id], gaveUp ? OutboxStatus.Failed : OutboxStatus.Retrying, next,
            error, null, cancellationToken);
        if (gaveUp)
        {
            StockSyncLog.OutboxGaveUp(logger, row.Id, row.Attempts, error);
        }
        else
        {
            StockSyncLog.OutboxRetry(logger, row.Id, row.Attempts, next, error);
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
