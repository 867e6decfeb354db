using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Infrastructure.Inbox;

/// <summary>Stores verified deliveries in the inbox and counts redeliveries of a webhook id.</summary>
public sealed class InboxReceiver(HubDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Inserts the message, or when its (source, webhook id) is already stored, increments that row's duplicate
    /// count instead. A concurrent insert of the same id fails on the unique index and is counted the same way.
    /// </summary>
    public async Task<InboxReceipt> StoreAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await CountDuplicateAsync(message, now, cancellationToken))
        {
            return InboxReceipt.Duplicate;
        }

        message.ReceivedAt = now;
        message.NextAttemptAt = now;
        db.InboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return InboxReceipt.Stored;
        }
        catch (DbUpdateException)
        {
            db.Entry(message).State = EntityState.Detached;
            if (await CountDuplicateAsync(message, now, cancellationToken))
            {
                return InboxReceipt.Duplicate;
            }

            throw;
        }
    }

    private async Task<bool> CountDuplicateAsync(
        InboxMessage message,
        DateTime now,
        CancellationToken cancellationToken)
    {
        // The version is left alone: the count is bookkeeping and must not fail a worker's save of the row.
        var updated = await db.InboxMessages
            .Where(m => m.Source == message.Source && m.WebhookId == message.WebhookId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.DuplicateCount, m => m.DuplicateCount + 1)
                    .SetProperty(m => m.LastDuplicateAt, now),
                cancellationToken);
        return updated > 0;
    }
}

public enum InboxReceipt
{
    Stored,
    Duplicate,
}
