using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Webhooks;

/// <summary>
/// A verified webhook delivery stored before it is acknowledged, processed later by the inbox job.
/// Unique on (<see cref="Source"/>, <see cref="WebhookId"/>) so that a redelivery is recognised.
/// </summary>
public class InboxMessage : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Channel kind that sent it, for example <c>shopify</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The sender's delivery id (Shopify's <c>X-Shopify-Webhook-Id</c>).</summary>
    public required string WebhookId { get; set; }

    public Guid ChannelId { get; set; }

    public required string ShopDomain { get; set; }

    /// <summary>Event name, for example <c>orders/create</c>.</summary>
    public required string Topic { get; set; }

    public string? ApiVersion { get; set; }

    /// <summary>Shopify's <c>X-Shopify-Event-Id</c>: the same event delivered to several subscriptions shares it.</summary>
    public string? EventId { get; set; }

    public DateTime? TriggeredAt { get; set; }

    /// <summary>The request body exactly as received, as UTF-8 text.</summary>
    public required string Body { get; set; }

    public InboxStatus Status { get; set; } = InboxStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>Earliest time the next attempt may run, UTC.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Expiry of a worker's claim on the message, UTC, so that a crashed worker's claim runs out.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>How many later deliveries carried the same webhook id.</summary>
    public int DuplicateCount { get; set; }

    public DateTime? LastDuplicateAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>Id of the order the message created or updated, once processed.</summary>
    public Guid? OrderId { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// Queues a failed or ignored message for another attempt now, at a user's request. Returns false, changing
    /// nothing, when the message is pending, being processed or already processed.
    /// </summary>
    public bool ScheduleManualRetry(DateTime now)
    {
        if (Status is not (InboxStatus.Failed or InboxStatus.Ignored or InboxStatus.Retrying))
        {
            return false;
        }

        Status = InboxStatus.Pending;
        NextAttemptAt = now;
        LockedUntil = null;
        return true;
    }
}

public enum InboxStatus
{
    Pending,
    Processing,
    Processed,

    /// <summary>Failed at least once and waiting for its next attempt.</summary>
    Retrying,

    /// <summary>Gave up after the maximum attempts; staff can retry it from the inbox page.</summary>
    Failed,

    /// <summary>Valid but of a topic the hub does not handle.</summary>
    Ignored,
}
