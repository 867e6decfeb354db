using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Infrastructure.Inbox;

internal static partial class InboxLog
{
    [LoggerMessage(2101, LogLevel.Information,
        "Inbox message {InboxMessageId} (delivery {DeliveryId}, {Topic}) ended {Status}, order {OrderId}")]
    public static partial void Processed(
        ILogger logger, Guid inboxMessageId, string deliveryId, string topic, InboxStatus status, Guid? orderId);

    [LoggerMessage(2102, LogLevel.Warning,
        "Inbox message {InboxMessageId} (delivery {DeliveryId}, {Topic}) failed attempt {Attempts}; "
        + "retrying at {NextAttemptAt:O}")]
    public static partial void RetryScheduled(
        ILogger logger,
        Exception exception,
        Guid inboxMessageId,
        string deliveryId,
        string topic,
        int attempts,
        DateTime nextAttemptAt);

    [LoggerMessage(2103, LogLevel.Error,
        "Inbox message {InboxMessageId} (delivery {DeliveryId}, {Topic}) failed after {Attempts} attempts; "
        + "it can be retried from the inbox page")]
    public static partial void GaveUp(
        ILogger logger, Exception exception, Guid inboxMessageId, string deliveryId, string topic, int attempts);

    [LoggerMessage(2106, LogLevel.Warning,
        "Inbox message {InboxMessageId} (delivery {DeliveryId}, {Topic}) was claimed by another worker after its lock "
        + "expired; this attempt was discarded. Raise Inbox:LockSeconds if processing takes that long")]
    public static partial void ClaimLost(ILogger logger, Guid inboxMessageId, string deliveryId, string topic);

    [LoggerMessage(2104, LogLevel.Warning, "Could not start the inbox job at once; the next poll processes the inbox")]
    public static partial void WakeFailed(ILogger logger, Exception exception);

    [LoggerMessage(2105, LogLevel.Error, "The inbox job failed; the next poll tries again")]
    public static partial void JobFailed(ILogger logger, Exception exception);
}
