using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Jobs;

/// <summary>What a job reports about its run; a job sets it as <c>context.Result</c>.</summary>
public sealed record JobRunOutcome(
    JobRunState Status,
    int ProcessedCount,
    int FailedCount,
    string? Error,
    IReadOnlyList<string> Files);

/// <summary>
/// Stores a <see cref="JobRun"/> row for every run of every Quartz job, so the jobs dashboard shows history that
/// survives restarts and covers all instances.
/// </summary>
public sealed class JobRunRecorder(
    IDbContextFactory<HubDbContext> contextFactory,
    TimeProvider clock,
    ILogger<JobRunRecorder> logger) : IJobListener
{
    // Run ids by fire instance, from JobToBeExecuted to JobWasExecuted.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> runIds = new();

    public string Name => "job-run-recorder";

    public static string InstanceName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var run = new JobRun
            {
                JobGroup = context.JobDetail.Key.Group,
                JobName = context.JobDetail.Key.Name,
                StartedAt = clock.GetUtcNow().UtcDateTime,
                Instance = InstanceName,
            };
            db.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            runIds[context.FireInstanceId] = run.Id;
        }
        catch (DbUpdateException exception)
        {
            JobLog.RunNotRecorded(logger, exception, context.JobDetail.Key.ToString());
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(
        IJobExecutionContext context,
        JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        if (!runIds.TryRemove(context.FireInstanceId, out var runId))
        {
            return;
        }

        var outcome = context.Result as JobRunOutcome;
        var status = jobException is not null ? JobRunState.Failed : outcome?.Status ?? JobRunState.Succeeded;
        var error = jobException?.Message ?? outcome?.Error;
        var files = outcome is { Files.Count: > 0 } ? Clip(string.Join('\n', outcome.Files), 4000) : null;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Set<JobRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(r => r.Status, status)
                    .SetProperty(r => r.ProcessedCount, outcome == null ? 0 : outcome.ProcessedCount)
                    .SetProperty(r => r.FailedCount, outcome == null ? 0 : outcome.FailedCount)
                    .SetProperty(r => r.Error, error == null ? null : Clip(error, 2000))
                    .SetProperty(r => r.Files, files),
                cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            JobLog.RunNotRecorded(logger, exception, context.JobDetail.Key.ToString());
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

internal static partial class JobLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "The run of job {JobKey} could not be recorded")]
    public static partial void RunNotRecorded(ILogger logger, Exception exception, string jobKey);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Flow {FlowId} skipped: another instance holds its lease")]
    public static partial void LeaseBusy(ILogger logger, Guid flowId);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Flow {FlowId} failed")]
    public static partial void FlowFailed(ILogger logger, Exception exception, Guid flowId);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Flow {FlowId}: file {FileName} failed: {Reason}")]
    public static partial void FileFailed(ILogger logger, Guid flowId, string fileName, string reason);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Flow {FlowId}: file {FileName} processed, {RowCount} rows")]
    public static partial void FileProcessed(ILogger logger, Guid flowId, string fileName, int rowCount);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Flow {FlowId}: file name {FileName} rejected and left in place")]
    public static partial void NameRejected(ILogger logger, Guid flowId, string fileName);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "Flow {FlowId} lost its lease during the run")]
    public static partial void LeaseLost(ILogger logger, Guid flowId);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Information, Message = "Flow {FlowId}: exported {OrderCount} orders to {FileName}")]
    public static partial void OrdersExported(ILogger logger, Guid flowId, int orderCount, string fileName);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Warning, Message = "Flow {FlowId} has an invalid schedule '{Cron}' and is not scheduled")]
    public static partial void InvalidCron(ILogger logger, Guid flowId, string cron);
}
