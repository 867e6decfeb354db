using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange;
using Sintra.Hub.Infrastructure.Exchange.Flows;
using Sintra.Hub.Infrastructure.Jobs;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>Two app instances (two service providers with their own Quartz schedulers) on one database.</summary>
public sealed class FlowLeaseTests(SftpTestServer server) : IClassFixture<SftpTestServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoSchedulersNeverOverlap()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var keys = TempFolder.Create("exchange-keys");
        var first = new ExchangeTestHost(database, keys, new RecordingShipping { Gate = new() });
        var second = new ExchangeTestHost(database, keys, new RecordingShipping());
        await using (var db = database.CreateDbContext())
        {
            await CatalogSeed.AddOrderLinesAsync(db, 1);
        }

        var partner = $"lease{Guid.NewGuid():N}"[..12];
        var endpoint = await ExchangeSeed.AddSftpPartnerAsync(database, first.Stores, server, partner, FileReadiness.TemporaryName);
        var profile = await ExchangeSeed.AddCsvProfileAsync(database, CsvProfilePurpose.ShipmentsIn, "*.csv",
            ExchangeSeed.Map(ShipmentFields.OrderNumber, "order"),
            ExchangeSeed.Map(ShipmentFields.Sku, "sku"),
            ExchangeSeed.Map(ShipmentFields.Quantity, "qty"));
        var flow = await ExchangeSeed.AddFlowAsync(database, endpoint, ExchangeFlowKind.ShipmentsIn, csvProfileId: profile.Id);
        using (var sftp = server.ConnectAsPartner())
        {
            sftp.CreateDirectory($"/data/{partner}");
            sftp.CreateDirectory($"/data/{partner}/inbound");
            sftp.WriteAllText($"/data/{partner}/inbound/ship.csv", "order;sku;qty\r\n#1001;SKU-1;1\r\n");
        }

        var schedulerA = await StartSchedulerAsync(first);
        var schedulerB = await StartSchedulerAsync(second);
        try
        {
            await schedulerA.TriggerJob(ExchangeFlowJob.KeyOf(flow.Id));
            await first.Shipping.Entered.Task.WaitAsync(Patience);

            await schedulerB.TriggerJob(ExchangeFlowJob.KeyOf(flow.Id));
            var skipped = await WaitForRunAsync(database, flow.Id, JobRunState.Skipped);
            Assert.Equal("Another instance is running this flow.", skipped.Error);
            Assert.Empty(second.Shipping.Shipped);

            first.Shipping.Gate!.SetResult();
            var done = await WaitForRunAsync(database, flow.Id, JobRunState.Succeeded);
            Assert.Equal(1, done.ProcessedCount);
            Assert.Single(first.Shipping.Shipped);
            Assert.Equal(1, first.Shipping.MaxConcurrent);

            await using var db = database.CreateDbContext();
            var lease = await db.Set<JobLease>().SingleAsync(l => l.Name == ExchangeFlowRunner.LeaseName(flow.Id));
            Assert.Null(lease.Owner);
        }
        finally
        {
            first.Shipping.Gate!.TrySetResult();
            await schedulerA.Shutdown(waitForJobsToComplete: true);
            await schedulerB.Shutdown(waitForJobsToComplete: true);
            await first.DisposeAsync();
            await second.DisposeAsync();
            TempFolder.TryDelete(keys);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ExpiredLeaseIsTakenOver(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keys = TempFolder.Create("exchange-keys");
        await using var host = new ExchangeTestHost(database, keys, new RecordingShipping());
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var leases = new JobLeaseStore(host.Services.GetRequiredService<IDbContextFactory<HubDbContext>>(), clock);
        var duration = TimeSpan.FromMinutes(5);

        Assert.True(await leases.TryAcquireAsync("flow", "a", duration, CancellationToken.None));
        Assert.False(await leases.TryAcquireAsync("flow", "b", duration, CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await leases.RenewAsync("flow", "a", duration, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await leases.TryAcquireAsync("flow", "b", duration, CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await leases.TryAcquireAsync("flow", "b", duration, CancellationToken.None));
        Assert.False(await leases.RenewAsync("flow", "a", duration, CancellationToken.None));
        TempFolder.TryDelete(keys);
    }

    private static async Task<IScheduler> StartSchedulerAsync(ExchangeTestHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await host.Services.GetRequiredService<ExchangeScheduleSync>().SyncAsync(CancellationToken.None);
        await scheduler.Start();
        return scheduler;
    }

    private static async Task<JobRun> WaitForRunAsync(TestDatabase database, Guid flowId, JobRunState state)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var db = database.CreateDbContext())
            {
                var run = await db.Set<JobRun>().AsNoTracking()
                    .FirstOrDefaultAsync(r => r.JobName == flowId.ToString() && r.Status == state);
                if (run is not null)
                {
                    return run;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {state} run of flow {flowId} within {Patience}.");
            await Task.Delay(50);
        }
    }
}
