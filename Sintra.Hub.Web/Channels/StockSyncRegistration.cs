using Quartz;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Web.Channels;

/// <summary>Registers the Shopify stock push: its services, the outbox job and the reconciliation job.</summary>
public static class StockSyncRegistration
{
    public static void AddStockSync(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StockSyncOptions>().Bind(builder.Configuration.GetSection(StockSyncOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                o => o.BaseDelaySeconds <= o.MaxDelaySeconds,
                "StockSync:BaseDelaySeconds is larger than StockSync:MaxDelaySeconds; lower it or raise the maximum.")
            .ValidateOnStart();
        services.AddStockSyncServices();

        var sync = builder.Configuration.GetSection(StockSyncOptions.SectionName).Get<StockSyncOptions>() ?? new();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<StockReconciliationJob>(job => job.WithIdentity(StockReconciliationJob.Key).StoreDurably());
            if (!sync.ProcessingEnabled)
            {
                return;
            }

            quartz.AddJob<OutboxJob>(job => job.WithIdentity(OutboxJob.Key).StoreDurably());
            quartz.AddTrigger<OutboxJob>(trigger => trigger
                .ForJob(OutboxJob.Key)
                .WithIdentity("outbox-poll", OutboxJob.Key.Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(sync.PollSeconds)).RepeatForever()));
            quartz.AddTrigger<StockReconciliationJob>(trigger => trigger
                .ForJob(StockReconciliationJob.Key)
                .WithIdentity("reconciliation-schedule", StockReconciliationJob.Key.Group)
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(sync.ReconcileMinutes))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(sync.ReconcileMinutes)).RepeatForever()));
        });
    }
}
