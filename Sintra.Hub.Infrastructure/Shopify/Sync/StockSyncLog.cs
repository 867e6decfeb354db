using Microsoft.Extensions.Logging;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

internal static partial class StockSyncLog
{
    [LoggerMessage(4201, LogLevel.Information,
        "Stock push {ReferenceId} to channel {ChannelId} wrote {Written} quantities; {VariantErrors} variants not written")]
    public static partial void Pushed(ILogger logger, Guid channelId, string referenceId, int written, int variantErrors);

    [LoggerMessage(4202, LogLevel.Warning, "Stock push {ReferenceId} to channel {ChannelId} failed: {Error}")]
    public static partial void PushFailed(ILogger logger, Guid channelId, string referenceId, string error);

    [LoggerMessage(4203, LogLevel.Warning,
        "Stock push {ReferenceId} to channel {ChannelId} found {StaleCount} stale on-hand quantities; "
        + "re-read them and writing again")]
    public static partial void CompareFailed(ILogger logger, Guid channelId, string referenceId, int staleCount);

    [LoggerMessage(4204, LogLevel.Information,
        "Inventory webhook {InboxMessageId} for item {InventoryItemId} at {LocationId} is the hub's own write")]
    public static partial void EchoIgnored(ILogger logger, Guid inboxMessageId, string inventoryItemId, string locationId);

    [LoggerMessage(4205, LogLevel.Warning,
        "Inventory webhook {InboxMessageId}: available of item {InventoryItemId} at {LocationId} is {Actual}, "
        + "the hub last wrote {Expected}; recorded as drift")]
    public static partial void WebhookDrift(ILogger logger, Guid inboxMessageId, string inventoryItemId,
        string locationId, int actual, int? expected);

    [LoggerMessage(4206, LogLevel.Information,
        "Reconciliation of channel {ChannelId} checked {Checked} levels, found {Drifts} drifts")]
    public static partial void Reconciled(ILogger logger, Guid channelId, int @checked, int drifts);

    [LoggerMessage(4207, LogLevel.Warning, "Reconciliation of channel {ChannelId} failed: {Error}")]
    public static partial void ReconcileFailed(ILogger logger, Guid channelId, string error);

    [LoggerMessage(4208, LogLevel.Warning,
        "Outbox message {OutboxMessageId} failed attempt {Attempts}; retrying at {NextAttemptAt:O}: {Error}")]
    public static partial void OutboxRetry(ILogger logger, Guid outboxMessageId, int attempts, DateTime nextAttemptAt,
        string error);

    [LoggerMessage(4209, LogLevel.Error, "Outbox message {OutboxMessageId} failed after {Attempts} attempts: {Error}")]
    public static partial void OutboxGaveUp(ILogger logger, Guid outboxMessageId, int attempts, string error);

    [LoggerMessage(4210, LogLevel.Error, "The {Job} job failed; the next run tries again")]
    public static partial void JobFailed(ILogger logger, Exception exception, string job);
}
