using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>The <c>StockSync</c> section: how the outbox job pushes stock and how often reconciliation runs.</summary>
public sealed class StockSyncOptions
{
    public const string SectionName = "StockSync";

    /// <summary>Runs the outbox and reconciliation jobs in this instance.</summary>
    public bool ProcessingEnabled { get; set; } = true;

    /// <summary>Seconds between two polls of the outbox.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Outbox rows claimed per poll; rows of the same variant collapse into one quantity.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Rows of other topics claimed per round; each goes to its topic's handler on its own.</summary>
    [Range(1, 1000)]
    public int HandlerBatchSize { get; set; } = 50;

    /// <summary>Attempts before a row ends as failed. A failed row stays in the table and shows its error.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay before the first retry in seconds. Each further retry doubles it.</summary>
    [Range(1, 86400)]
    public int BaseDelaySeconds { get; set; } = 30;

    /// <summary>Upper bound of the retry delay in seconds.</summary>
    [Range(1, 86400)]
    public int MaxDelaySeconds { get; set; } = 3600;

    /// <summary>Seconds a claim lasts. Rows claimed by a worker that died are claimed again after it.</summary>
    [Range(10, 86400)]
    public int LockSeconds { get; set; } = 600;

    /// <summary>Pushes repeated after a failed <c>changeFromQuantity</c> compare before the push is retried later.</summary>
    [Range(1, 10)]
    public int MaxCompareRetries { get; set; } = 3;

    /// <summary>Minutes between two scheduled reconciliations of every channel with push enabled.</summary>
    [Range(1, 10080)]
    public int ReconcileMinutes { get; set; } = 60;

    /// <summary>Returns the delay before the attempt after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var seconds = Math.Min((double)BaseDelaySeconds * Math.Pow(2, exponent), MaxDelaySeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
