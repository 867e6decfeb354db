using Microsoft.Extensions.Logging;
using Quartz;

namespace Sintra.Hub.Infrastructure.Inbox;

/// <summary>
/// Processes the inbox on a simple trigger every <see cref="InboxOptions.PollSeconds"/> and when a delivery is
/// stored. One run at a time per instance; the row claims keep instances apart.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InboxJob(InboxProcessor processor, ILogger<InboxJob> logger) : IJob
{
    public static readonly JobKey Key = new("inbox", "webhooks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessDueAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The processor records the failure of each message itself, so an exception here comes from listing or
            // claiming messages, for example an unreachable database. The next poll tries again.
            InboxLog.JobFailed(logger, exception);
        }
    }
}
