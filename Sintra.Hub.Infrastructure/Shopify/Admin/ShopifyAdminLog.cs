using Microsoft.Extensions.Logging;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

internal static partial class ShopifyAdminLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Waiting {WaitMs} ms before {Operation} on {Shop}: " +
            "estimated cost {EstimatedCost} exceeds the points left")]
    public static partial void WaitingForBudget(ILogger logger, string shop, string operation, double estimatedCost,
        long waitMs);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "{Operation} on {Shop} was throttled (requested cost {RequestedCost}, available {Available}); " +
            "retrying in {WaitMs} ms, throttle retry {Retry}")]
    public static partial void Throttled(ILogger logger, string shop, string operation, double requestedCost,
        double available, long waitMs, int retry);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "{Operation} on {Shop} returned HTTP 429; retrying in {WaitMs} ms, throttle retry {Retry}")]
    public static partial void TooManyRequests(ILogger logger, string shop, string operation, long waitMs, int retry);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "{Operation} on {Shop} failed ({Reason}), retrying in {WaitMs} ms: " +
            "retry {Attempt} of {MaxAttempts}")]
    public static partial void RetryingTransient(ILogger logger, string shop, string operation, string reason,
        long waitMs, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error,
        Message = "{Operation} on {Shop} failed: {Kind}, {Reason}")]
    public static partial void CallFailed(ILogger logger, string shop, string operation, ShopifyAdminErrorKind kind,
        string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "inventorySetQuantities on {Shop} rejected batch {Batch} (idempotency key {IdempotencyKey}): " +
            "{StaleCount} stale changeFromQuantity values, {ErrorCount} user errors")]
    public static partial void SetQuantitiesRejected(ILogger logger, string shop, int batch, string idempotencyKey,
        int staleCount, int errorCount);
}
