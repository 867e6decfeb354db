using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Orders;

namespace Sintra.Hub.Tests.Webhooks;

public sealed class InboxRetryTests : IAsyncLifetime
{
    private static readonly DateTime Placed = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly WebhookTestApp app;
    private HttpClient client = null!;
    private TestShop shop = null!;

    public InboxRetryTests()
    {
        app = new WebhookTestApp(processing: false, clock, new Dictionary<string, string?>
        {
            ["Inbox:MaxAttempts"] = "3",
            ["Inbox:BaseDelaySeconds"] = "10",
            ["Inbox:MaxDelaySeconds"] = "600",
        });
    }

    private InboxProcessor Processor => app.Services.GetRequiredService<InboxProcessor>();

    public async Task InitializeAsync()
    {
        client = app.CreateClient();

        // A time zone that does not exist makes every delivery of this channel fail until staff fix it.
        shop = await app.SeedShopAsync(["0001234"], onHand: 5, timeZone: "Europe/Atlantis");
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FailingDeliveryBacksOffThenFails()
    {
        var body = ShopifyOrderJson.Create(8001, Placed, Placed, "paid", [new TestLine(1, "0001234", 1)]);
        await app.PostAsync(client, ShopifyTopics.OrdersCreate, "retry-1", body);
        var id = await MessageIdAsync();

        Assert.Equal(InboxStatus.Retrying, await Processor.ProcessAsync(id, CancellationToken.None));
        var first = await LoadAsync(id);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(Now.AddSeconds(10), first.NextAttemptAt);
        Assert.Contains("Europe/Atlantis", first.LastError);
        Assert.Null(first.LockedUntil);

        // Not due before the backoff has passed.
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await Processor.ProcessAsync(id, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(InboxStatus.Retrying, await Processor.ProcessAsync(id, CancellationToken.None));
        var second = await LoadAsync(id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(Now.AddSeconds(20), second.NextAttemptAt);

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(InboxStatus.Failed, await Processor.ProcessAsync(id, CancellationToken.None));
        var failed = await LoadAsync(id);
        Assert.Equal(3, failed.Attempts);
        Assert.NotNull(failed.LastError);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Processor.ProcessDueAsync(CancellationToken.None));
        Assert.Equal(InboxStatus.Failed, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task RetryAsyncRequeuesFailedMessage()
    {
        var body = ShopifyOrderJson.Create(8002, Placed, Placed, "paid", [new TestLine(1, "0001234", 1)]);
        await app.PostAsync(client, ShopifyTopics.OrdersCreate, "retry-2", body);
        var id = await MessageIdAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Processor.ProcessAsync(id, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(InboxStatus.Failed, (await LoadAsync(id)).Status);
        await using (var db = app.CreateDbContext())
        {
            var channel = await db.Channels.SingleAsync(c => c.Id == shop.ChannelId);
            channel.TimeZone = "Europe/Rome";
            await db.SaveChangesAsync();
        }

        Assert.True(await RetryAsync(id));
        var pending = await LoadAsync(id);
        Assert.Equal(InboxStatus.Pending, pending.Status);
        Assert.Equal(Now, pending.NextAttemptAt);

        Assert.Equal(InboxStatus.Processed, await Processor.ProcessAsync(id, CancellationToken.None));
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Orders.CountAsync(o => o.ExternalId == 8002));
        Assert.Null((await LoadAsync(id)).LastError);
    }

    [Fact]
    public async Task RetryAsyncRejectsProcessedMessage()
    {
        await app.PostAsync(client, "products/update", "retry-3", "{\"id\":1}");
        var id = await MessageIdAsync();
        await Processor.ProcessAsync(id, CancellationToken.None);
        Assert.Equal(InboxStatus.Ignored, (await LoadAsync(id)).Status);

        Assert.True(await RetryAsync(id));
        Assert.Equal(InboxStatus.Ignored, await Processor.ProcessAsync(id, CancellationToken.None));

        await using (var db = app.CreateDbContext())
        {
            await db.InboxMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, InboxStatus.Processed));
        }

        Assert.False(await RetryAsync(id));
        Assert.False(await RetryAsync(Guid.NewGuid()));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task MalformedBodyFailsAtOnce()
    {
        await app.PostAsync(client, ShopifyTopics.OrdersCreate, "malformed-1", "{\"name\":\"#1\"}");
        var id = await MessageIdAsync();

        Assert.Equal(InboxStatus.Failed, await Processor.ProcessAsync(id, CancellationToken.None));
        var message = await LoadAsync(id);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("'id' is missing", message.LastError);
    }

    [Fact]
    public async Task ExpiredClaimIsTakenOver()
    {
        await app.PostAsync(client, "products/update", "claim-1", "{\"id\":1}");
        var id = await MessageIdAsync();

        // A worker that claimed the message and died leaves it locked for LockSeconds (300 by default).
        var lockedUntil = Now.AddSeconds(300);
        await using (var db = app.CreateDbContext())
        {
            await db.InboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, InboxStatus.Processing)
                .SetProperty(m => m.LockedUntil, lockedUntil)
                .SetProperty(m => m.Attempts, 1));
        }

        Assert.Null(await Processor.ProcessAsync(id, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(301));
        Assert.Equal(InboxStatus.Ignored, await Processor.ProcessAsync(id, CancellationToken.None));
        var message = await LoadAsync(id);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.LockedUntil);
    }

    private async Task<bool> RetryAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboxService>().RetryAsync(id);
    }

    private async Task<Guid> MessageIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.InboxMessages.Select(m => m.Id).SingleAsync();
    }

    private async Task<InboxMessage> LoadAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.InboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
