using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange;

namespace Sintra.Hub.Infrastructure.Jobs;

/// <summary>
/// Keeps the scheduler's exchange jobs equal to the enabled flows in the database: one durable job and one cron
/// trigger per flow. Runs at start and after every flow change.
/// NOTE: a flow change reschedules the instance that saved it; other instances pick it up at their next start.
/// </summary>
public sealed class ExchangeScheduleSync(
    ISchedulerFactory schedulerFactory,
    IDbContextFactory<HubDbContext> contextFactory,
    ILogger<ExchangeScheduleSync> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        List<ExchangeFlow> flows;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            flows = await db.Set<ExchangeFlow>().AsNoTracking().ToListAsync(cancellationToken);
        }

        var scheduled = new HashSet<JobKey>();
        foreach (var flow in flows)
        {
            var key = ExchangeFlowJob.KeyOf(flow.Id);
            if (!flow.IsEnabled)
            {
                continue;
            }

            if (!CronExpression.TryParse(flow.Cron, out _))
            {
                JobLog.InvalidCron(logger, flow.Id, flow.Cron);
                continue;
            }

            scheduled.Add(key);
            var job = JobBuilder.Create<ExchangeFlowJob>()
                .WithIdentity(key)
                .WithDescription(flow.Name)
                .UsingJobData(ExchangeFlowJob.FlowIdKey, flow.Id.ToString())
                .StoreDurably()
                .Build();

            // Misfire policy "do nothing": fires missed while the app was down or the flow was still running are
            // dropped and the flow waits for its next scheduled time. Each run takes every file waiting in the
            // folder (or every order not yet exported), so catching up missed fires would only repeat the same poll.
            var trigger = TriggerBuilder.Create()
                .WithIdentity(flow.Id.ToString(), ExchangeFlowJob.Group)
                .ForJob(key)
                .WithCronSchedule(flow.Cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
            // A flow paused on the dashboard stays paused when its trigger is replaced.
            var paused = await scheduler.GetTriggerState(trigger.Key, cancellationToken) == TriggerState.Paused;
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true, Paused = paused }, cancellationToken);
        }

        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ExchangeFlowJob.Group), cancellationToken))
        {
            if (!scheduled.Contains(key))
            {
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }
    }
}
