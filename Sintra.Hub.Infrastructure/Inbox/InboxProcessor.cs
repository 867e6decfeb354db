using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Infrastructure.Inbox;

/// <summary>
/// Claims due inbox messages and processes each in its own scope and transaction. A claim is a conditional
/// update on the row, so two workers never hold the same message, and a worker whose claim expired rolls back.
/// </summary>
public sealed class InboxProcessor(
    IServiceScopeFactory scopes,
    IDbContextFactory<HubDbContext> contexts,
    TimeProvider clock,
    IOptions<InboxOptions> options,
    ILogger<InboxProcessor> logger)
{
    private InboxOptions Options => options.Value;

    /// <summary>Processes due messages in batches until none is left; returns how many were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            List<Guid> due;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var now = Now;
                due = await Due(db.InboxMessages, now)
                    .OrderBy(m => m.NextAttemptAt)
                    .Select(m => m.Id)
                    .Take(Options.BatchSize)
                    .ToListAsync(cancellationToken);
            }

            var claimed = 0;
            foreach (var id in due)
            {
                if (await ProcessAsync(id, cancellationToken) is not null)
                {
                    claimed++;
                }
            }

            total += claimed;
            if (due.Count < Options.BatchSize || claimed == 0)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Claims one message when it is due and processes it. Returns the status it ended in, or null when it was
    /// not due, another worker claimed it first, or the claim expired and another worker took the message over.
    /// </summary>
    public async Task<InboxStatus?> ProcessAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var message = await ClaimAsync(messageId, cancellationToken);
        if (message is null)
        {
            return null;
        }

        try
        {
            var outcome = await HandleInTransactionAsync(message, cancellationToken);
            if (outcome is null)
            {
                InboxLog.ClaimLost(logger, message.Id, message.WebhookId, message.Topic);
                return null;
            }

            InboxLog.Processed(logger, message.Id, message.WebhookId, message.Topic, outcome.Status, outcome.OrderId);
            return outcome.Status;
        }
        catch (Exception exception) when (exception is not OperationCanceledException
                                          || !cancellationToken.IsCancellationRequested)
        {
            return await ScheduleRetryAsync(message, exception, cancellationToken);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static IQueryable<InboxMessage> Due(IQueryable<InboxMessage> messages, DateTime now) =>
        messages.Where(m => m.NextAttemptAt <= now
            && (((m.Status == InboxStatus.Pending || m.Status == InboxStatus.Retrying)
                    && (m.LockedUntil == null || m.LockedUntil < now))
                || (m.Status == InboxStatus.Processing && m.LockedUntil < now)));

    private async Task<InboxMessage?> ClaimAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var lockedUntil = now.AddSeconds(Options.LockSeconds);
        var claimed = await Due(db.InboxMessages.Where(m => m.Id == messageId), now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, InboxStatus.Processing)
                    .SetProperty(m => m.LockedUntil, lockedUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
        return claimed == 1
            ? await db.InboxMessages.AsNoTracking().SingleAsync(m => m.Id == messageId, cancellationToken)
            : null;
    }

    // Returns null, rolling back, when the claim was lost: the version changes with every claim, so a mismatch
    // means that the lock expired and another worker claimed the message.
    private async Task<InboxHandling?> HandleInTransactionAsync(
        InboxMessage message,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<InboxMessageHandler>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await handler.HandleAsync(message, cancellationToken);
        var now = Now;
        var updated = await db.InboxMessages
            .Where(m => m.Id == message.Id && m.Status == InboxStatus.Processing && m.Version == message.Version)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, outcome.Status)
                    .SetProperty(m => m.ProcessedAt, now)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.OrderId, outcome.OrderId)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
        if (updated == 0)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private async Task<InboxStatus?> ScheduleRetryAsync(
        InboxMessage message,
        Exception exception,
        CancellationToken cancellationToken)
    {
        // A body that cannot be parsed fails the same way on every attempt, so it is not retried.
        var gaveUp = message.Attempts >= Options.MaxAttempts
            || exception is ShopifyPayloadException or JsonException;
        var now = Now;
        var status = gaveUp ? InboxStatus.Failed : InboxStatus.Retrying;
        var nextAttemptAt = gaveUp ? now : now + Options.RetryDelay(message.Attempts);
        var error = Describe(exception);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.InboxMessages
            .Where(m => m.Id == message.Id && m.Status == InboxStatus.Processing && m.Version == message.Version)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);

        if (updated == 0)
        {
            InboxLog.ClaimLost(logger, message.Id, message.WebhookId, message.Topic);
            return null;
        }

        if (gaveUp)
        {
            InboxLog.GaveUp(logger, exception, message.Id, message.WebhookId, message.Topic, message.Attempts);
        }
        else
        {
            InboxLog.RetryScheduled(
                logger, exception, message.Id, message.WebhookId, message.Topic, message.Attempts, nextAttemptAt);
        }

        return status;
    }

    // Messages only, no stack trace: the error is shown on the inbox page. Inner messages carry the database's
    // own words, for example the unique index a concurrent insert hit.
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        var text = string.Join(" -> ", messages);
        return text.Length > 4000 ? text[..4000] : text;
    }
}
