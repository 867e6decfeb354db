using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Infrastructure.Inbox;

/// <summary>The <c>Inbox</c> section: how the inbox job polls, claims and retries webhook deliveries.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>Runs the inbox job in this instance. Turn it off where other instances process the inbox.</summary>
    public bool ProcessingEnabled { get; set; } = true;

    /// <summary>Seconds between two polls of the inbox. A stored delivery also starts the job at once.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Messages claimed per poll.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message ends as failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry in seconds. Each further retry doubles it.</summary>
    [Range(1, 86400)]
    public int BaseDelaySeconds { get; set; } = 30;

    /// <summary>Upper bound of the retry delay in seconds.</summary>
    [Range(1, 86400)]
    public int MaxDelaySeconds { get; set; } = 3600;

    /// <summary>Seconds a claim lasts. A message claimed by a worker that died is claimed again after it.</summary>
    [Range(10, 86400)]
    public int LockSeconds { get; set; } = 300;

    /// <summary>Largest webhook body accepted, in bytes. Larger requests get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Returns the delay before the attempt after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var seconds = Math.Min((double)BaseDelaySeconds * Math.Pow(2, exponent), MaxDelaySeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
