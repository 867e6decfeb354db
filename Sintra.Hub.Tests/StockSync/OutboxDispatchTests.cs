using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Tests.StockSync;

public sealed class OutboxDispatchTests
{
    private const string FlakyTopic = "test.flaky";
    private const string BrokenTopic = "test.broken";

    [Fact]
    public async Task Handler_retries_with_same_key()
    {
        var calls = new CallLog();
        await using var harness = await StockSyncHarness.StartAsync(configure: services =>
        {
            services.AddSingleton(calls);
            services.AddOutboxHandler<FlakyHandler>(FlakyTopic);
            services.AddOutboxHandler<BrokenHandler>(BrokenTopic);
        });
        var flaky = await AddRowAsync(harness, FlakyTopic);
        var broken = await AddRowAsync(harness, BrokenTopic);

        await harness.ProcessOutboxAsync();
        var afterFirst = await LoadAsync(harness, flaky);
        Assert.Equal(OutboxStatus.Retrying, afterFirst.Status);
        Assert.Equal("channel answered 503", afterFirst.LastError);
        Assert.Equal(OutboxStatus.Failed, (await LoadAsync(harness, broken)).Status);

        // Not due yet: the first retry waits the base delay.
        await harness.ProcessOutboxAsync();
        Assert.Single(calls.Keys);

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.ProcessOutboxAsync();
        var done = await LoadAsync(harness, flaky);
        Assert.Equal(OutboxStatus.Done, done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(2, calls.Keys.Count);
        Assert.Equal(calls.Keys[0], calls.Keys[1]);
        Assert.Equal(done.IdempotencyKey, calls.Keys[0]);

        var failed = await LoadAsync(harness, broken);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("unknown fulfillment order 42", failed.LastError);
    }

    private static async Task<Guid> AddRowAsync(StockSyncHarness harness, string topic)
    {
        await using var db = harness.CreateDbContext();
        var row = new OutboxMessage
        {
            Topic = topic,
            CreatedAt = harness.Clock.GetUtcNow().UtcDateTime,
            NextAttemptAt = harness.Clock.GetUtcNow().UtcDateTime,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static async Task<OutboxMessage> LoadAsync(StockSyncHarness harness, Guid id)
    {
        await using var db = harness.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private sealed class CallLog
    {
        public List<string> Keys { get; } = [];
    }

    private sealed class FlakyHandler(CallLog calls) : IOutboxHandler
    {
        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            calls.Keys.Add(message.IdempotencyKey!);
            return calls.Keys.Count == 1
                ? throw new HttpRequestException("channel answered 503")
                : Task.CompletedTask;
        }
    }

    private sealed class BrokenHandler : IOutboxHandler
    {
        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            throw new OutboxPermanentFailureException("unknown fulfillment order 42");
    }
}
