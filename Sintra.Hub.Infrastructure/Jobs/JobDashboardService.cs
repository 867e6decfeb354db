using Microsoft.EntityFrameworkCore;
using Quartz;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange;

namespace Sintra.Hub.Infrastructure.Jobs;

/// <summary>A scheduled job as the dashboard shows it.</summary>
public sealed record JobView(
    string Group,
    string Name,
    string Description,
    string Schedule,
    DateTime? NextFireAt,
    bool IsPaused,
    IReadOnlyList<JobRun> Runs);

/// <summary>
/// Lists every job of this instance's scheduler with its schedule and stored runs, and runs, pauses or resumes a
/// job. NOTE: pause and resume act on this instance's in-memory scheduler only; other instances keep firing.
/// </summary>
public sealed class JobDashboardService(ISchedulerFactory schedulerFactory, IDbContextFactory<HubDbContext> contextFactory)
{
    public async Task<List<JobView>> ListAsync(int runsPerJob, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var flowNames = await db.Set<ExchangeFlow>().AsNoTracking().ToDictionaryAsync(f => f.Id.ToString(), f => f.Name, cancellationToken);
        var views = new List<JobView>();
        foreach (var key in keys.OrderBy(k => k.Group).ThenBy(k => k.Name))
        {
            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
            var trigger = triggers.FirstOrDefault();
            var paused = trigger is not null
                && await scheduler.GetTriggerState(trigger.Key, cancellationToken) == TriggerState.Paused;
            var runs = await db.Set<JobRun>().AsNoTracking()
                .Where(r => r.JobGroup == key.Group && r.JobName == key.Name)
                .OrderByDescending(r => r.StartedAt)
                .Take(runsPerJob)
                .ToListAsync(cancellationToken);
            var description = key.Group == ExchangeFlowJob.Group ? flowNames.GetValueOrDefault(key.Name, key.Name) : key.Name;
            views.Add(new JobView(
                key.Group, key.Name, description, Describe(trigger), trigger?.NextFireTimeUtc?.UtcDateTime, paused, runs));
        }

        return views;
    }

    public async Task RunNowAsync(string group, string name, bool reexport, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var data = new JobDataMap();
        if (reexport)
        {
            data.PutAsString(ExchangeFlowJob.ReexportKey, true);
        }

        await scheduler.TriggerJob(new JobKey(name, group), data, cancellationToken);
    }

    public async Task PauseAsync(string group, string name, CancellationToken cancellationToken) =>
        await (await schedulerFactory.GetScheduler(cancellationToken)).PauseJob(new JobKey(name, group), cancellationToken);

    public async Task ResumeAsync(string group, string name, CancellationToken cancellationToken) =>
        await (await schedulerFactory.GetScheduler(cancellationToken)).ResumeJob(new JobKey(name, group), cancellationToken);

    private static string Describe(ITrigger? trigger) => trigger switch
    {
        ICronTrigger cron => $"cron {cron.CronExpressionString}",
        ISimpleTrigger simple => $"every {simple.RepeatInterval}",
        null => "manual",
        _ => trigger.GetType().Name,
    };
}
