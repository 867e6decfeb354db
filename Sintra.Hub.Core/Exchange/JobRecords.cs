namespace Sintra.Hub.Core.Exchange;

/// <summary>
/// A lease that lets one app instance run a job at a time: taken and renewed by conditional updates on
/// <see cref="Owner"/> and <see cref="ExpiresAt"/>.
/// </summary>
public class JobLease
{
    public required string Name { get; set; }

    public string? Owner { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcquiredAt { get; set; }
}

/// <summary>One run of a scheduled job, for the jobs dashboard.</summary>
public class JobRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string JobGroup { get; set; }

    public required string JobName { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public JobRunState Status { get; set; } = JobRunState.Running;

    public int ProcessedCount { get; set; }

    public int FailedCount { get; set; }

    public string? Error { get; set; }

    /// <summary>Names of the files the run took or wrote, one per line.</summary>
    public string? Files { get; set; }

    /// <summary>The instance that ran the job.</summary>
    public string? Instance { get; set; }
}

public enum JobRunState
{
    Running,
    Succeeded,
    Failed,
    Skipped,
}
