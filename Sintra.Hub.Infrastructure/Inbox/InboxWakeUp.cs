using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Sintra.Hub.Infrastructure.Inbox;

/// <summary>Starts the inbox job at once, without waiting for it to run.</summary>
public sealed class InboxWakeUp(
    ISchedulerFactory schedulers,
    IOptions<InboxOptions> options,
    ILogger<InboxWakeUp> logger)
{
    public async Task WakeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ProcessingEnabled)
        {
            return;
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(InboxJob.Key, null, cancellationToken);
        }
        catch (SchedulerException exception)
        {
            InboxLog.WakeFailed(logger, exception);
        }
    }
}
