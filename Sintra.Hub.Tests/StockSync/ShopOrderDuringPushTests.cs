using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.StockSync;

/// <summary>
/// Shopify takes an order before the hub has its webhook: the units move to committed in Shopify, and the hub's
/// pushes of on hand must never make them available again.
/// </summary>
public sealed class ShopOrderDuringPushTests
{
    private const string Sku = "CIOTOLA-5";
    private const int Physical = 5;
    private const int Taken = 2;

    [Fact]
    public async Task ShopOrderIsNeverSoldTwice()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var variant = (await harness.AddVariantsAsync(hubOnHand: Physical, shopOnHand: 0, Sku))[0];
        await harness.ProcessOutboxAsync();
        var item = harness.Shop.FindVariant(Sku)!.InventoryItemId;
        AssertLevel(harness, item, onHand: Physical, available: Physical);

        Assert.True(harness.Shop.TakeOrder(item, harness.Location.Id, Taken));
        AssertLevel(harness, item, onHand: Physical, available: Physical - Taken);

        // The hub pushes its channel stock, which does not contain the order yet.
        var before = await PushAsync(harness, variant.Id, "before-webhook");
        Assert.Null(before.Error);
        AssertLevel(harness, item, onHand: Physical, available: Physical - Taken);

        // The webhook arrives: the hub reserves the order's units, which adds an outbox row and pushes again.
        Assert.Equal(Taken, await harness.ReserveForOrderAsync(variant, Taken));
        await harness.ProcessOutboxAsync();
        AssertLevel(harness, item, onHand: Physical, available: Physical - Taken);

        var after = await PushAsync(harness, variant.Id, "after-webhook");
        Assert.Null(after.Error);
        AssertLevel(harness, item, onHand: Physical, available: Physical - Taken);
        Assert.False(harness.Shop.TakeOrder(item, harness.Location.Id, Physical - Taken + 1));
        Assert.All(await harness.OutboxAsync(), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }

    [Fact]
    public async Task ShopOrderBeforeQueuedPush()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var variant = (await harness.AddVariantsAsync(hubOnHand: Physical, shopOnHand: 0, Sku))[0];
        await harness.ProcessOutboxAsync();
        var item = harness.Shop.FindVariant(Sku)!.InventoryItemId;

        // The hub's stock drops to 4; Shopify takes the order while that push is on its way.
        await harness.SetOnHandAsync([variant], Physical - 1);
        Assert.True(harness.Shop.TakeOrder(item, harness.Location.Id, Taken));
        await harness.ProcessOutboxAsync();

        // On hand is 4 and the 2 committed units stay out of available, so Shopify can sell 2, not 4.
        AssertLevel(harness, item, onHand: Physical - 1, available: Physical - 1 - Taken);
        Assert.Equal(Taken, await harness.ReserveForOrderAsync(variant, Taken));
        await harness.ProcessOutboxAsync();
        AssertLevel(harness, item, onHand: Physical - 1, available: Physical - 1 - Taken);
        Assert.All(await harness.OutboxAsync(), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }

    private static Task<StockPushResult> PushAsync(StockSyncHarness harness, Guid variantId, string key) =>
        harness.InScopeAsync(async services =>
        {
            var push = services.GetRequiredService<StockPushService>();
            var channel = (await push.LoadAsync(harness.Channel.Id, CancellationToken.None))!;
            return await push.PushAsync(channel, [variantId], $"{key}-{Guid.NewGuid():N}", key,
                CancellationToken.None);
        });

    private static void AssertLevel(StockSyncHarness harness, string item, int onHand, int available)
    {
        var level = harness.Shop.GetLevel(item, harness.Location.Id)!;
        Assert.Equal(onHand, level.OnHand);
        Assert.Equal(available, level.Available);
        Assert.True(level.Available <= Physical - Taken || level.Committed == 0,
            $"Shopify shows {level.Available} available of {Physical} with {level.Committed} committed.");
    }
}
