using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.StockSync;

public sealed class StockPushTests
{
    private const string SetQuantities = ShopifyAdminDocuments.SetOnHandQuantitiesOperation;

    [Fact]
    public async Task PushAddsReservedUnitsToOnHand()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var variant = (await harness.AddVariantsAsync(hubOnHand: 10, shopOnHand: 10, "LINO-M"))[0];
        Assert.Equal(3, await harness.ReserveForOrderAsync(variant, 3));
        harness.Shop.SetLevel(ItemOf(harness, "LINO-M"), harness.Location.Id, onHand: 4, committed: 3);

        await harness.ProcessOutboxAsync();

        // Channel stock 10 - 3 reserved = 7, plus the 3 units Shopify counts as committed for the order.
        var level = harness.Shop.GetLevel(ItemOf(harness, "LINO-M"), harness.Location.Id)!;
        Assert.Equal(10, level.OnHand);
        Assert.Equal(7, level.Available);
        var rows = await harness.OutboxAsync();
        Assert.All(rows, row => Assert.Equal(OutboxStatus.Done, row.Status));
        await using var db = harness.CreateDbContext();
        var state = await db.ShopifyLevelStates.SingleAsync();
        Assert.Equal(10, state.LastWrittenOnHand);
        Assert.Equal(7, state.LastWrittenAvailable);
    }

    [Fact]
    public async Task EmptyOutboxClaimsNothing()
    {
        await using var harness = await StockSyncHarness.StartAsync();

        var claimed = await harness.ProcessOutboxAsync();

        Assert.Equal(0, claimed);
        Assert.Empty(harness.Server.RequestsFor(SetQuantities));
    }

    [Fact]
    public async Task SixHundredItemsSendThreeCalls()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var skus = Enumerable.Range(1, 600).Select(i => $"ART-{i:D4}").ToArray();
        await harness.AddVariantsAsync(hubOnHand: 5, shopOnHand: 0, skus);

        await harness.ProcessOutboxAsync();

        var calls = harness.Server.RequestsFor(SetQuantities);
        Assert.Equal(3, calls.Count);
        Assert.Equal([250, 250, 100], calls.Select(call => QuantityCount(call)));
        Assert.All(calls, call => Assert.Equal("ok", call.Outcome));
        Assert.Equal(5, harness.Shop.GetLevel(ItemOf(harness, "ART-0001"), harness.Location.Id)!.OnHand);
        Assert.Equal(5, harness.Shop.GetLevel(ItemOf(harness, "ART-0600"), harness.Location.Id)!.OnHand);
        Assert.All(await harness.OutboxAsync(), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }

    [Fact]
    public async Task StaleCompareRecordsDriftAndRetries()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var variants = await harness.AddVariantsAsync(hubOnHand: 10, shopOnHand: 0, "LINO-L");
        await harness.ProcessOutboxAsync();
        var item = ItemOf(harness, "LINO-L");

        // Staff change the quantity in Shopify, then the hub's stock changes before any webhook arrives.
        harness.Shop.SetLevel(item, harness.Location.Id, onHand: 13);
        await harness.SetOnHandAsync(variants, 8);
        await harness.ProcessOutboxAsync();

        var outcomes = harness.Server.RequestsFor(SetQuantities).Select(r => r.Outcome).ToList();
        Assert.Equal(["ok", "user-errors", "ok"], outcomes);
        Assert.Equal(8, harness.Shop.GetLevel(item, harness.Location.Id)!.OnHand);
        await using var db = harness.CreateDbContext();
        var drift = await db.ShopifyStockDrifts.SingleAsync();
        Assert.Equal(DriftSource.CompareFailed, drift.Source);
        Assert.Equal(10, drift.Expected);
        Assert.Equal(13, drift.Actual);
        Assert.NotNull(drift.CorrectedAt);
        Assert.All(await harness.OutboxAsync(), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }

    [Fact]
    public async Task RetryAfterServerErrorReusesKey()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var variants = await harness.AddVariantsAsync(hubOnHand: 10, shopOnHand: 0, "LINO-S");
        await harness.ProcessOutboxAsync();
        var firstCalls = harness.Server.RequestsFor(SetQuantities).Count;
        await harness.SetOnHandAsync(variants, 6);

        // The first attempt and the client's three retries all get HTTP 500, so the row is retried later.
        harness.Server.FailNext(4, new FakeFailure(FakeFailureKind.ServerError));
        await harness.ProcessOutboxAsync();
        var row = (await harness.OutboxAsync()).Last();
        Assert.Equal(OutboxStatus.Retrying, row.Status);
        Assert.Contains("HTTP 500", row.LastError);
        Assert.NotNull(row.IdempotencyKey);

        // The next attempt is applied, but its response is lost, so the client resends it with the same key.
        harness.Server.FailNext(1, new FakeFailure(FakeFailureKind.ServerErrorAfterApplying));
        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await harness.ProcessOutboxAsync();

        var calls = harness.Server.RequestsFor(SetQuantities).Skip(firstCalls).ToList();
        Assert.Equal(6, calls.Count);
        Assert.All(calls, call => Assert.Equal($"{row.IdempotencyKey}-{harness.Channel.Id:N}", call.IdempotencyKey));
        Assert.Equal("replayed", calls[^1].Outcome);
        Assert.Equal(2, harness.Shop.AppliedAdjustmentGroups);
        Assert.Equal(6, harness.Shop.GetLevel(ItemOf(harness, "LINO-S"), harness.Location.Id)!.OnHand);
        Assert.Equal(OutboxStatus.Done, (await harness.OutboxAsync()).Last().Status);
    }

    [Fact]
    public async Task ThrottledPushWaitsAndSucceeds()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var variants = await harness.AddVariantsAsync(hubOnHand: 10, shopOnHand: 0, "LINO-XL");
        await harness.ProcessOutboxAsync();
        await harness.SetOnHandAsync(variants, 9);
        var before = harness.Clock.Advanced;

        harness.Server.FailNext(1, new FakeFailure(FakeFailureKind.Throttled));
        await harness.ProcessOutboxAsync();

        var outcomes = harness.Server.RequestsFor(SetQuantities).Select(r => r.Outcome).ToList();
        Assert.Equal(["ok", "injected-throttled", "ok"], outcomes);
        Assert.True(harness.Clock.Advanced > before);
        Assert.Equal(9, harness.Shop.GetLevel(ItemOf(harness, "LINO-XL"), harness.Location.Id)!.OnHand);
        Assert.All(await harness.OutboxAsync(), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }

    [Fact]
    public async Task BufferAndCapLimitOnHand()
    {
        await using var harness = await StockSyncHarness.StartAsync(buffer: 2, cap: 5);
        await harness.AddVariantsAsync(hubOnHand: 20, shopOnHand: 0, "CAP-1");
        var low = await harness.AddVariantsAsync(hubOnHand: 3, shopOnHand: 0, "BUF-1");
        await harness.ReserveForOrderAsync(low[0], 1);

        await harness.ProcessOutboxAsync();

        // 20 - 2 buffer = 18, capped at 5. 3 - 1 reserved - 2 buffer = 0, plus the 1 reserved unit.
        Assert.Equal(5, harness.Shop.GetLevel(ItemOf(harness, "CAP-1"), harness.Location.Id)!.OnHand);
        Assert.Equal(1, harness.Shop.GetLevel(ItemOf(harness, "BUF-1"), harness.Location.Id)!.OnHand);
    }

    [Fact]
    public async Task LocationsReceiveTheirWarehousePart()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var second = harness.Shop.AddLocation("Magazzino Napoli");
        var napoli = new Warehouse { Code = "NA", Name = "Napoli" };
        await using (var db = harness.CreateDbContext())
        {
            db.Warehouses.Add(napoli);
            db.ChannelStockSources.Add(new ChannelStockSource
            {
                ChannelId = harness.Channel.Id,
                WarehouseId = napoli.Id,
                Priority = 2,
            });
            await db.SaveChangesAsync();
        }

        var error = await harness.InScopeAsync(s => s.GetRequiredService<ChannelSyncSettingsService>()
            .SaveMappingsAsync(harness.Channel.Id,
            [
                new LocationMappingInput(harness.Location.Id, harness.Location.Name, harness.Warehouse.Id),
                new LocationMappingInput(second.Id, second.Name, napoli.Id),
            ], CancellationToken.None));
        Assert.Null(error);
        var variants = await harness.AddVariantsAsync(hubOnHand: 5, shopOnHand: 0, "DUE-1");
        harness.Shop.SetLevel(ItemOf(harness, "DUE-1"), second.Id, onHand: 0);
        await harness.SetOnHandAsync(variants, 7, napoli.Id);

        await harness.ProcessOutboxAsync();

        Assert.Equal(5, harness.Shop.GetLevel(ItemOf(harness, "DUE-1"), harness.Location.Id)!.OnHand);
        Assert.Equal(7, harness.Shop.GetLevel(ItemOf(harness, "DUE-1"), second.Id)!.OnHand);
    }

    [Fact]
    public async Task UnknownSkuFailsRowWithError()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var known = await harness.AddVariantsAsync(hubOnHand: 4, shopOnHand: 0, "NOTO-1");
        var unknown = await harness.AddVariantsAsync(hubOnHand: 4, shopOnHand: null, "IGNOTO-1");

        await harness.ProcessOutboxAsync();

        var rows = await harness.OutboxAsync();
        var failed = Assert.Single(rows, r => r.EntityId == unknown[0].Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("SKU IGNOTO-1 was not found", failed.LastError);
        Assert.Equal(OutboxStatus.Done, Assert.Single(rows, r => r.EntityId == known[0].Id).Status);
        var status = await harness.InScopeAsync(s =>
            s.GetRequiredService<StockSyncStatusService>().GetAsync(CancellationToken.None));
        var linkError = Assert.Single(Assert.Single(status).LinkErrors);
        Assert.Equal("IGNOTO-1", linkError.Sku);
    }

    private static int QuantityCount(FakeRequest call) =>
        call.Variables.GetProperty("input").GetProperty("quantities").GetArrayLength();

    internal static string ItemOf(StockSyncHarness harness, string sku) =>
        harness.Shop.FindVariant(sku)!.InventoryItemId;
}
