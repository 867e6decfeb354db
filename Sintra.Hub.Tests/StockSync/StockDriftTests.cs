using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Tests.StockSync;

public sealed class StockDriftTests
{
    [Fact]
    public async Task EchoWebhookEnqueuesNoPush()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        await harness.AddVariantsAsync(hubOnHand: 6, shopOnHand: 0, "SETA-1");
        await harness.ProcessOutboxAsync();
        var rowsBefore = (await harness.OutboxAsync()).Count;

        var status = await HandleWebhookAsync(harness, "SETA-1", available: 6);

        Assert.Equal(InboxStatus.Ignored, status);
        Assert.Equal(rowsBefore, (await harness.OutboxAsync()).Count);
        Assert.All(await harness.OutboxAsync(), row => Assert.Equal(OutboxStatus.Done, row.Status));
        await using var db = harness.CreateDbContext();
        Assert.Empty(await db.ShopifyStockDrifts.ToListAsync());
        var state = await db.ShopifyLevelStates.SingleAsync();
        Assert.Equal(1, state.EchoCount);
        Assert.Equal(6, state.KnownOnHand);
    }

    [Fact]
    public async Task ForeignWebhookRecordsDrift()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        await harness.AddVariantsAsync(hubOnHand: 6, shopOnHand: 0, "SETA-2");
        await harness.ProcessOutboxAsync();
        var rowsBefore = (await harness.OutboxAsync()).Count;

        var status = await HandleWebhookAsync(harness, "SETA-2", available: 2);

        Assert.Equal(InboxStatus.Processed, status);
        Assert.Equal(rowsBefore, (await harness.OutboxAsync()).Count);
        await using var db = harness.CreateDbContext();
        var drift = await db.ShopifyStockDrifts.SingleAsync();
        Assert.Equal(DriftSource.Webhook, drift.Source);
        Assert.Equal(6, drift.Expected);
        Assert.Equal(2, drift.Actual);
        Assert.Null(drift.CorrectedAt);
        Assert.Null((await db.ShopifyLevelStates.SingleAsync()).KnownOnHand);
    }

    [Fact]
    public async Task ReconciliationFindsAndCorrectsDrift()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        await harness.AddVariantsAsync(hubOnHand: 12, shopOnHand: 0, "LANA-1", "LANA-2");
        await harness.ProcessOutboxAsync();
        var item = StockPushTests.ItemOf(harness, "LANA-1");
        harness.Shop.SetLevel(item, harness.Location.Id, onHand: 2);

        var results = await harness.InScopeAsync(s =>
            s.GetRequiredService<StockReconciliationService>().RunAllAsync(CancellationToken.None));

        var result = Assert.Single(results);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Checked);
        Assert.Equal(1, result.Drifts);
        Assert.Equal(12, harness.Shop.GetLevel(item, harness.Location.Id)!.OnHand);
        await using var db = harness.CreateDbContext();
        var drift = await db.ShopifyStockDrifts.SingleAsync();
        Assert.Equal(DriftSource.Reconciliation, drift.Source);
        Assert.Equal(12, drift.Expected);
        Assert.Equal(2, drift.Actual);
        Assert.NotNull(drift.CorrectedAt);
        Assert.NotNull((await db.ShopifySyncs.SingleAsync()).LastReconciledAt);
    }

    [Fact]
    public async Task ReconciliationClosesSettledWebhookDrift()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        await harness.AddVariantsAsync(hubOnHand: 6, shopOnHand: 0, "SETA-3");
        await harness.ProcessOutboxAsync();
        await HandleWebhookAsync(harness, "SETA-3", available: 5);

        var results = await harness.InScopeAsync(s =>
            s.GetRequiredService<StockReconciliationService>().RunAllAsync(CancellationToken.None));

        // Shopify still has the hub's 6, so the webhook's value was stale and no push is needed.
        Assert.Equal(0, Assert.Single(results).Drifts);
        await using var db = harness.CreateDbContext();
        var drift = await db.ShopifyStockDrifts.SingleAsync();
        Assert.Equal(DriftSource.Webhook, drift.Source);
        Assert.NotNull(drift.CorrectedAt);
        Assert.Equal(6, (await db.ShopifyLevelStates.SingleAsync()).KnownOnHand);
    }

    [Fact]
    public async Task ReconciliationCoversUnpushedVariant()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        await harness.AddVariantsAsync(hubOnHand: 4, shopOnHand: 1, "CANAPA-1");

        var results = await harness.InScopeAsync(s =>
            s.GetRequiredService<StockReconciliationService>().RunAllAsync(CancellationToken.None));

        var result = Assert.Single(results);
        Assert.Null(result.Error);
        Assert.Equal(1, result.Checked);
        Assert.Equal(1, result.Drifts);
        Assert.Equal(4, harness.Shop.GetLevel(StockPushTests.ItemOf(harness, "CANAPA-1"), harness.Location.Id)!.OnHand);
    }

    private static async Task<InboxStatus> HandleWebhookAsync(StockSyncHarness harness, string sku, int available)
    {
        var item = StockPushTests.ItemOf(harness, sku);
        var itemNumber = item[(item.LastIndexOf('/') + 1)..];
        var locationNumber = harness.Location.Id[(harness.Location.Id.LastIndexOf('/') + 1)..];
        var message = new InboxMessage
        {
            Source = "shopify",
            WebhookId = Guid.NewGuid().ToString(),
            ChannelId = harness.Channel.Id,
            ShopDomain = harness.Channel.ShopDomain,
            Topic = InventoryLevelWebhookHandler.Topic,
            Body = $$"""
                {"inventory_item_id":{{itemNumber}},"location_id":{{locationNumber}},"available":{{available}},
                 "updated_at":"2026-03-02T10:00:00+01:00"}
                """,
        };
        var handling = await harness.InScopeAsync(s =>
            s.GetRequiredService<InboxMessageHandler>().HandleAsync(message, CancellationToken.None));
        return handling.Status;
    }
}
