using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Inbox;

/// <summary>Staff actions on inbox messages.</summary>
public sealed class InboxService(HubDbContext db, TimeProvider clock, InboxWakeUp wakeUp)
{
    /// <summary>
    /// Queues a failed or ignored message for processing now. Returns false when the message does not exist, is
    /// not in a state that can be retried, or changed meanwhile.
    /// </summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var message = await db.InboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null || !message.ScheduleManualRetry(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        await wakeUp.WakeAsync(cancellationToken);
        return true;
    }
}
