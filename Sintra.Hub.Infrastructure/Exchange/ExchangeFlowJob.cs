using Quartz;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Infrastructure.Jobs;

namespace Sintra.Hub.Infrastructure.Exchange;

/// <summary>
/// The Quartz job of one flow. <see cref="DisallowConcurrentExecutionAttribute"/> keeps one run per job key in this
/// instance, and the runner's database lease keeps one run across instances.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExchangeFlowJob(ExchangeFlowRunner runner) : IJob
{
    public const string Group = "exchange";
    public const string FlowIdKey = "flowId";
    public const string ReexportKey = "reexport";

    public static JobKey KeyOf(Guid flowId) => new(flowId.ToString(), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        if (!Guid.TryParse(data.GetString(FlowIdKey), out var flowId))
        {
            context.Result = new JobRunOutcome(JobRunState.Failed, 0, 0, "The job has no flow id.", []);
            return;
        }

        var reexport = data.TryGetBoolean(ReexportKey, out var value) && value;
        context.Result = await runner.RunAsync(flowId, reexport, cancellationToken);
    }
}
