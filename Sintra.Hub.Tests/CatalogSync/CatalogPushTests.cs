using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.CatalogSync;

public sealed class CatalogPushTests
{
    private const string SetProduct = ShopifyCatalogDocuments.SetProductOperation;
    private const string UpdatePrices = ShopifyCatalogDocuments.UpdateVariantPricesOperation;
    private const string RegisterTranslations = ShopifyCatalogDocuments.RegisterTranslationsOperation;

    [Fact]
    public async Task PushSendsIncludedVariantsAtListPrices()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();

        await harness.Inner.ProcessOutboxAsync();

        var product = Assert.Single(harness.Inner.Shop.Products);
        Assert.Equal("Giacca di lino", product.Title);
        Assert.Equal("<p>Lino lavato, taglio dritto.</p>", product.DescriptionHtml);
        Assert.Equal(["estate", "lino"], product.Tags);
        Assert.Equal(["LINO-S", "LINO-M"], product.Variants.Select(v => v.Sku));
        Assert.Equal([79m, 81m], product.Variants.Select(v => v.Price));
        Assert.Equal([89m, null], product.Variants.Select(v => v.CompareAtPrice));
        var option = Assert.Single(product.Options);
        Assert.Equal("Taglia", option.Name);
        Assert.Equal(["S", "M"], option.Values);
        Assert.Equal(["https://cdn.example.test/giacca.jpg"], harness.Inner.Shop.DownloadedSources);

        var sync = await harness.SyncStateAsync();
        Assert.Equal(product.Id, sync.ExternalProductId);
        Assert.NotNull(sync.SyncedAt);
        Assert.Null(sync.LastError);
        await using var db = harness.Inner.CreateDbContext();
        var links = await db.ShopifyVariantLinks.AsNoTracking().OrderBy(l => l.Sku).ToListAsync();
        Assert.Equal(["LINO-M", "LINO-S"], links.Select(l => l.Sku));
        Assert.Equal(product.Variants.Single(v => v.Sku == "LINO-M").Id, links[0].ShopifyVariantId);
        Assert.All(await harness.Inner.OutboxAsync(CatalogSyncTopics.CatalogChanged), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }

    [Fact]
    public async Task EnglishTranslationCarriesItalianDigest()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();

        await harness.Inner.ProcessOutboxAsync();

        var product = Assert.Single(harness.Inner.Shop.Products);
        var title = product.Translations[("en", "title")];
        Assert.Equal("Linen jacket", title.Value);
        Assert.Equal(FakeShop.Digest("Giacca di lino"), title.Digest);
        var body = product.Translations[("en", "body_html")];
        Assert.Equal("<p>Washed linen, straight cut.</p>", body.Value);
        Assert.Equal(FakeShop.Digest("<p>Lino lavato, taglio dritto.</p>"), body.Digest);
        Assert.Equal("ok", Assert.Single(harness.Inner.Server.RequestsFor(RegisterTranslations)).Outcome);
    }

    [Fact]
    public async Task PriceChangeSendsBulkUpdateOnly()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();
        await harness.Inner.ProcessOutboxAsync();
        var before = harness.Inner.Server.Requests.Count;

        await harness.ChangeAsync(db =>
        {
            db.Attach(harness.PriceList);
            harness.PriceList.Entries[1].Price = 84.5m;
        });
        await harness.Inner.ProcessOutboxAsync();

        var sent = harness.Inner.Server.Requests.Skip(before).Select(r => r.OperationName).ToList();
        Assert.Equal([UpdatePrices], sent);
        var product = Assert.Single(harness.Inner.Shop.Products);
        Assert.Equal(84.5m, product.Variants.Single(v => v.Sku == "LINO-M").Price);
        Assert.Equal(79m, product.Variants.Single(v => v.Sku == "LINO-S").Price);
    }

    [Fact]
    public async Task TitleChangeKeepsImageAndRenewsDigest()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();
        await harness.Inner.ProcessOutboxAsync();

        await harness.ChangeAsync(db =>
        {
            db.Attach(harness.Product);
            harness.Product.Title = "Giacca di lino blu";
        });
        await harness.Inner.ProcessOutboxAsync();

        Assert.Equal(2, harness.Inner.Server.RequestsFor(SetProduct).Count);
        var product = Assert.Single(harness.Inner.Shop.Products);
        Assert.Equal("Giacca di lino blu", product.Title);
        Assert.Single(product.Media);
        Assert.Single(harness.Inner.Shop.DownloadedSources);
        Assert.Equal(FakeShop.Digest("Giacca di lino blu"), product.Translations[("en", "title")].Digest);
    }

    [Fact]
    public async Task ExcludedProductBecomesDraft()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();
        await harness.Inner.ProcessOutboxAsync();

        await harness.ChangeAsync(db => db.Add(new ProductListing
        {
            ChannelId = harness.Inner.Channel.Id,
            ProductId = harness.Product.Id,
            Included = false,
        }));
        await harness.Inner.ProcessOutboxAsync();

        var product = Assert.Single(harness.Inner.Shop.Products);
        Assert.Equal("DRAFT", product.Status);
        Assert.Equal(2, product.Variants.Count);
        Assert.False((await harness.SyncStateAsync()).Listed);
    }

    [Fact]
    public async Task ChangedTitleWebhookBecomesVersion()
    {
        await using var harness = await CatalogSyncHarness.StartAsync(ChannelUpdatePolicy.RecordVersion);
        await harness.Inner.ProcessOutboxAsync();
        var shopProduct = Assert.Single(harness.Inner.Shop.Products);
        harness.Inner.Shop.EditProduct(shopProduct.Id, p => p.Title = "Giacca in lino",
            harness.Inner.Clock.GetUtcNow().AddMinutes(5));

        var status = await harness.DeliverProductUpdateAsync(harness.Inner.Shop.ProductWebhookBody(shopProduct.Id));

        Assert.Equal(InboxStatus.Processed, status);
        await using var db = harness.Inner.CreateDbContext();
        Assert.Equal("Giacca in lino", (await db.Products.SingleAsync()).Title);
        var capture = Assert.Single(harness.Versions.Captures);
        Assert.Equal(harness.Product.Id, capture.ProductId);
        Assert.Equal(VersionSourceKinds.Channel, capture.Source.Kind);
        Assert.Equal(harness.Inner.Channel.Name, capture.Source.Author);
        Assert.Null((await harness.SyncStateAsync()).ConflictValues);
    }

    [Fact]
    public async Task ChangedTitleWebhookFlagsConflict()
    {
        await using var harness = await CatalogSyncHarness.StartAsync(ChannelUpdatePolicy.FlagConflict);
        await harness.Inner.ProcessOutboxAsync();
        var shopProduct = Assert.Single(harness.Inner.Shop.Products);
        harness.Inner.Shop.EditProduct(shopProduct.Id, p => p.Title = "Giacca in lino",
            harness.Inner.Clock.GetUtcNow().AddMinutes(5));

        var status = await harness.DeliverProductUpdateAsync(harness.Inner.Shop.ProductWebhookBody(shopProduct.Id));

        Assert.Equal(InboxStatus.Processed, status);
        await using var db = harness.Inner.CreateDbContext();
        Assert.Equal("Giacca di lino", (await db.Products.SingleAsync()).Title);
        Assert.Empty(harness.Versions.Captures);
        var sync = await harness.SyncStateAsync();
        Assert.Contains("Giacca in lino", sync.ConflictValues);
        Assert.NotNull(sync.ConflictAt);
    }

    [Fact]
    public async Task OwnEchoChangesNothing()
    {
        await using var harness = await CatalogSyncHarness.StartAsync(ChannelUpdatePolicy.FlagConflict);
        await harness.Inner.ProcessOutboxAsync();
        var shopProduct = Assert.Single(harness.Inner.Shop.Products);
        var before = await harness.SyncStateAsync();

        var status = await harness.DeliverProductUpdateAsync(harness.Inner.Shop.ProductWebhookBody(shopProduct.Id));

        Assert.Equal(InboxStatus.Ignored, status);
        var after = await harness.SyncStateAsync();
        Assert.Null(after.ConflictValues);
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(harness.Versions.Captures);
        Assert.DoesNotContain(await harness.Inner.OutboxAsync(CatalogSyncTopics.CatalogChanged), row => row.Status == OutboxStatus.Pending);
    }

    [Fact]
    public async Task ThrottledPushWaitsForBucket()
    {
        await using var harness = await CatalogSyncHarness.StartAsync();
        harness.Inner.Server.Bucket.SetAvailable(0);

        await harness.Inner.ProcessOutboxAsync();

        var calls = harness.Inner.Server.RequestsFor(SetProduct);
        Assert.Contains(calls, call => call.Outcome == "throttled");
        Assert.Equal("ok", calls[^1].Outcome);
        Assert.True(harness.Inner.Clock.Advanced >= TimeSpan.FromSeconds(1));
        Assert.Single(harness.Inner.Shop.Products);
        Assert.All(await harness.Inner.OutboxAsync(CatalogSyncTopics.CatalogChanged), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }
}
