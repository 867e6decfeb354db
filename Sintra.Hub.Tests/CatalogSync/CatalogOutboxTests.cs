using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;

namespace Sintra.Hub.Tests.CatalogSync;

public sealed class CatalogOutboxTests
{
    [Fact]
    public async Task RepeatedChangesQueueOneRow()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();

        await harness.ChangeAsync(db =>
        {
            db.Attach(harness.Product);
            harness.Product.Vendor = "Sartoria Sintra Firenze";
        });

        var rows = await harness.Inner.OutboxAsync(CatalogSyncTopics.CatalogChanged);
        var row = Assert.Single(rows, r => r.Topic == CatalogSyncTopics.CatalogChanged);
        Assert.Equal(harness.Inner.Channel.Id, row.ChannelId);
        Assert.Equal(harness.Product.Id, row.EntityId);
        Assert.Equal(OutboxStatus.Pending, row.Status);
    }

    [Fact]
    public async Task ChannelWithPushOffGetsNoRow()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();
        await harness.Inner.ProcessOutboxAsync();
        await harness.ChangeAsync(db =>
            db.Set<ChannelCatalogSettings>().Single(s => s.ChannelId == harness.Inner.Channel.Id).PushEnabled = false);

        await harness.ChangeAsync(db =>
        {
            db.Attach(harness.Product);
            harness.Product.Title = "Giacca di lino blu";
        });

        Assert.DoesNotContain(await harness.Inner.OutboxAsync(CatalogSyncTopics.CatalogChanged), row => row.Status == OutboxStatus.Pending);
    }

    [Fact]
    public async Task UnlistedProductGetsNoRow()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();
        await harness.ChangeAsync(db =>
            db.Set<ChannelCatalogSettings>().Single(s => s.ChannelId == harness.Inner.Channel.Id).DefaultListing =
                ListingDefault.IncludeNone);
        await harness.Inner.ProcessOutboxAsync();

        await harness.ChangeAsync(db =>
        {
            db.Attach(harness.Product);
            harness.Product.Title = "Giacca di lino blu";
        });

        Assert.DoesNotContain(await harness.Inner.OutboxAsync(CatalogSyncTopics.CatalogChanged), row => row.Status == OutboxStatus.Pending);
        Assert.Empty(harness.Inner.Shop.Products);
    }

    [Fact]
    public async Task ChannelRequestForcesFullPush()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();
        await harness.Inner.ProcessOutboxAsync();

        var (requestId, count) = await harness.InScopeAsync(services =>
            services.GetRequiredService<CatalogSyncService>()
                .RequestChannelSyncAsync(harness.Inner.Channel.Id, CancellationToken.None));
        var before = await Progress(harness, requestId);
        await harness.Inner.ProcessOutboxAsync();
        var after = await Progress(harness, requestId);

        Assert.Equal(1, count);
        Assert.Equal(new SyncRequestProgress(1, 0, 0), before);
        Assert.Equal(new SyncRequestProgress(1, 1, 0), after);
        Assert.True(after.IsFinished);
        Assert.Equal(2, harness.Inner.Server.RequestsFor(ShopifyCatalogDocuments.SetProductOperation).Count);
    }

    [Fact]
    public async Task TakingChannelResolvesConflict()
    {
        await using var harness = await CatalogSyncHarness.StartAsync(ChannelUpdatePolicy.FlagConflict);
        await harness.Inner.ProcessOutboxAsync();
        var shopProduct = Assert.Single(harness.Inner.Shop.Products);
        harness.Inner.Shop.EditProduct(shopProduct.Id, p =>
        {
            p.Title = "Giacca in lino";
            p.Variants[0].Price = 75m;
        }, harness.Inner.Clock.GetUtcNow().AddMinutes(5));
        await harness.DeliverProductUpdateAsync(harness.Inner.Shop.ProductWebhookBody(shopProduct.Id));

        var resolved = await harness.InScopeAsync(services => services.GetRequiredService<CatalogListingService>()
            .ResolveConflictAsync(harness.Inner.Channel.Id, harness.Product.Id, takeChannel: true,
                CancellationToken.None));

        Assert.True(resolved);
        await using var db = harness.Inner.CreateDbContext();
        Assert.Equal("Giacca in lino", (await db.Products.SingleAsync()).Title);
        var entry = await db.PriceListEntries.SingleAsync(e => e.VariantId == harness.Product.Variants[0].Id);
        Assert.Equal(75m, entry.Price);
        var capture = Assert.Single(harness.Versions.Captures);
        Assert.Equal(VersionSourceKinds.Channel, capture.Source.Kind);
        Assert.Null((await harness.SyncStateAsync()).ConflictValues);
    }

    [Fact]
    public async Task KeepingHubQueuesFullPush()
    {
        await using var harness = await CatalogSyncHarness.StartAsync(ChannelUpdatePolicy.FlagConflict);
        await harness.Inner.ProcessOutboxAsync();
        var shopProduct = Assert.Single(harness.Inner.Shop.Products);
        harness.Inner.Shop.EditProduct(shopProduct.Id, p => p.Title = "Giacca in lino",
            harness.Inner.Clock.GetUtcNow().AddMinutes(5));
        await harness.DeliverProductUpdateAsync(harness.Inner.Shop.ProductWebhookBody(shopProduct.Id));

        await harness.InScopeAsync(services => services.GetRequiredService<CatalogListingService>()
            .ResolveConflictAsync(harness.Inner.Channel.Id, harness.Product.Id, takeChannel: false,
                CancellationToken.None));
        await harness.Inner.ProcessOutboxAsync();

        Assert.Equal("Giacca di lino", harness.Inner.Shop.FindProduct(shopProduct.Id)!.Title);
        Assert.Empty(harness.Versions.Captures);
        Assert.Null((await harness.SyncStateAsync()).ConflictValues);
    }

    private static Task<SyncRequestProgress> Progress(CatalogSyncHarness harness, string requestId) =>
        harness.InScopeAsync(services => services.GetRequiredService<CatalogSyncService>()
            .GetProgressAsync(harness.Inner.Channel.Id, requestId, CancellationToken.None));
}
