using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Web.Components.Pages.Inbox;

/// <summary>Queues a failed or ignored inbox message for another attempt, at a staff member's request.</summary>
public sealed partial class InboxRetry(
    IDbContextFactory<HubDbContext> dbFactory,
    TimeProvider clock,
    ILogger<InboxRetry> logger)
{
    /// <summary>Returns true when a message may be retried by hand.</summary>
    public static bool CanRetry(InboxStatus status) => status is InboxStatus.Failed or InboxStatus.Ignored;

    /// <summary>
    /// Schedules the message for now, so that the inbox job picks it up on its next poll. Returns false when the
    /// message does not exist, is not failed or ignored, or was changed by the job meanwhile.
    /// </summary>
    public async Task<bool> RetryAsync(Guid messageId, string? userName, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.InboxMessages.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || !CanRetry(message.Status))
        {
            return false;
        }

        var previous = message.Status;
        if (!message.ScheduleManualRetry(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogRetryConflict(messageId);
            return false;
        }

        LogRetryScheduled(messageId, previous, userName ?? "unknown");
        return true;
    }

    [LoggerMessage(2101, LogLevel.Information,
        "Inbox message {InboxMessageId} ({PreviousStatus}) queued for a manual retry by {UserName}")]
    private partial void LogRetryScheduled(Guid inboxMessageId, InboxStatus previousStatus, string userName);

    [LoggerMessage(2102, LogLevel.Warning,
        "Manual retry of inbox message {InboxMessageId} not saved: the inbox job changed the message meanwhile")]
    private partial void LogRetryConflict(Guid inboxMessageId);
}
