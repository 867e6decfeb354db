using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Infrastructure.Inventory;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Stock;

public sealed class StockCheckJobTests
{
    [Fact]
    public async Task JobIsScheduledHourlyByDefault()
    {
        using var factory = new HubAppFactory();
        using var client = factory.CreateClient();

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey("stock-check-schedule", StockCheckJob.Key.Group));

        var simple = Assert.IsAssignableFrom<ISimpleTrigger>(trigger);
        Assert.Equal(TimeSpan.FromHours(1), simple.RepeatInterval);
        Assert.Equal(StockCheckJob.Key, simple.JobKey);
        Assert.True(simple.StartTimeUtc > DateTimeOffset.UtcNow.AddMinutes(50), "The first run waits one interval.");
    }

    [Fact]
    public async Task TriggeredJobStoresIssue()
    {
        using var factory = new HubAppFactory();
        using var client = factory.CreateClient();
        await using (var db = factory.CreateDbContext())
        {
            var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "JOB-1");
            await new StockLedger(db, TimeProvider.System).SetOnHandAsync(
                variants[0].Id, warehouse.Id, 4, MovementReason.InitialCount, StockScene.Seed, default);
            await db.SaveChangesAsync();
            await db.InventoryLevels.ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, 1));
        }

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(StockCheckJob.Key);

        // The job runs on a Quartz worker thread, so the test waits for its result with a deadline.
        StockCheckIssue? issue = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (issue is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            await using var db = factory.CreateDbContext();
            issue = await db.StockCheckIssues.AsNoTracking().SingleOrDefaultAsync();
        }

        Assert.NotNull(issue);
        Assert.Equal(StockQuantity.OnHand, issue.Quantity);
        Assert.Equal(1, issue.LevelValue);
        Assert.Equal(4, issue.LedgerValue);
    }

    [Fact]
    public void ZeroIntervalFailsValidation()
    {
        using var factory = new HubAppFactory(new Dictionary<string, string?> { ["StockCheck:IntervalMinutes"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(nameof(StockCheckOptions.IntervalMinutes), error.Message);
    }
}
