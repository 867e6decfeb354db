using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sintra.Hub.Core.Inventory;

namespace Sintra.Hub.Infrastructure.Inventory;

public static class StockCheckRegistration
{
    /// <summary>
    /// Registers the stock check service and its runner and, unless disabled, a Quartz job whose first run comes one
    /// interval after start.
    /// </summary>
    public static IServiceCollection AddStockCheck(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StockCheckOptions.SectionName);
        services.AddOptions<StockCheckOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<StockCheckService>();
        services.AddSingleton<StockCheckRunner>();

        var options = section.Get<StockCheckOptions>() ?? new();
        var interval = TimeSpan.FromMinutes(options.IntervalMinutes);
        services.AddQuartz(quartz =>
        {
            if (!options.Enabled)
            {
                return;
            }

            quartz.AddJob<StockCheckJob>(job => job.WithIdentity(StockCheckJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(StockCheckJob.Key)
                .WithIdentity("stock-check-schedule", StockCheckJob.Key.Group)
                .StartAt(DateTimeOffset.UtcNow + interval)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });
        return services;
    }
}
