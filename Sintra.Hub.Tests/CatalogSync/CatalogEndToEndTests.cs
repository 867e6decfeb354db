using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog.Editing;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;
using Sintra.Hub.Tests.Catalog;
using Sintra.Hub.Tests.Shopify.Fake;
using Sintra.Hub.Tests.StockSync;

namespace Sintra.Hub.Tests.CatalogSync;

/// <summary>
/// A merchant's path through the catalog, end to end. A Shopify template CSV is imported into a migrated SQLite
/// database and its texts are edited in the product editor. One variant is then taken off the channel, and the outbox
/// delivers the product to the fake shop over HTTP. Every service is the real one the app registers.
/// </summary>
public sealed class CatalogEndToEndTests
{
    private const string Merchant = "titolare@example.test";
    private const string PriceListName = "Negozio online EUR";

    [Fact]
    public async Task ImportEditExcludeSyncAndHistory()
    {
        await using var harness = await StockSyncHarness.StartAsync(configure: services =>
        {
            services.AddProductCsvImport();
            services.AddProductInformation();
            services.AddCatalogPush();
        });
        var priceList = new PriceList { Name = PriceListName, Currency = "EUR", ChannelId = harness.Channel.Id };
        await harness.InScopeAsync(services =>
        {
            var db = services.GetRequiredService<HubDbContext>();
            db.PriceLists.Add(priceList);
            db.Add(new ChannelCatalogSettings
            {
                ChannelId = harness.Channel.Id,
                PushEnabled = true,
                DefaultListing = ListingDefault.IncludeNone,
                Locale = "it",
                TranslationLocales = "en",
                PriceListId = priceList.Id,
            });
            return db.SaveChangesAsync();
        });

        // Import: preview first, as the import page does, then apply.
        var request = new ImportRequest(null, Merchant);
        var preview = await harness.InScopeAsync(services => services.GetRequiredService<ProductCsvImporter>()
            .PreviewAsync(CatalogTestKit.Fixture("classic-template.csv"), request, CancellationToken.None));
        Assert.Empty(preview.Errors);
        Assert.Equal(3, preview.Count(ImportChange.Create));
        var imported = await harness.InScopeAsync(services => services.GetRequiredService<ProductCsvImporter>()
            .ApplyAsync(CatalogTestKit.Fixture("classic-template.csv"), request, CancellationToken.None));
        Assert.True(imported.Applied);

        Guid productId;
        Guid excludedVariantId;
        await using (var db = harness.CreateDbContext())
        {
            var felpa = await db.Products.Include(p => p.Variants).SingleAsync(p => p.Handle == "felpa-cotone");
            productId = felpa.Id;
            excludedVariantId = felpa.Variants.Single(v => v.Sku == "FC-GRI-L").Id;
        }

        // Text edit: Italian description in the product's own columns, English texts as translations, and a channel
        // price for one variant, all saved together by a signed-in user as the product page does.
        var edit = await harness.InScopeAsync(async services =>
        {
            var editor = services.GetRequiredService<ProductEditor>();
            var model = (await editor.LoadAsync(productId, CancellationToken.None))!;
            model.DescriptionHtml = "<p>Felpa in cotone biologico, felpato all'interno.</p>";
            model.Translations["en"][TranslatedFields.Title] = "Cotton sweatshirt";
            model.Translations["en"][TranslatedFields.DescriptionHtml] = "<p>Organic cotton sweatshirt.</p>";
            model.Prices.Add(new PriceEdit
            {
                PriceListId = priceList.Id,
                VariantId = model.Variants.Single(v => v.Sku == "FC-BLU-S").Id,
                Price = 49m,
                CompareAtPrice = 59m,
            });
            return await editor.SaveAsync(model, new VersionSource(VersionSourceKinds.User, Merchant),
                CancellationToken.None);
        });
        Assert.Equal(EditOutcome.Saved, edit.Outcome);
        Assert.Equal(2, edit.VersionNumber);

        // Listing: the channel lists no product by default, so the merchant lists this one without its grey L.
        await harness.InScopeAsync(async services =>
        {
            var listings = services.GetRequiredService<CatalogListingService>();
            await listings.SetProductIncludedAsync(harness.Channel.Id, productId, true, CancellationToken.None);
            await listings.SetVariantIncludedAsync(harness.Channel.Id, excludedVariantId, false,
                CancellationToken.None);
            return 0;
        });

        await harness.ProcessOutboxAsync();

        // The shop received exactly the listed product, without the excluded variant.
        var product = Assert.Single(harness.Shop.Products);
        Assert.Equal("felpa-cotone", product.Handle);
        Assert.Equal("Felpa in cotone", product.Title);
        Assert.Equal("<p>Felpa in cotone biologico, felpato all'interno.</p>", product.DescriptionHtml);
        Assert.Equal("ACTIVE", product.Status);
        Assert.Equal(["FC-BLU-S", "FC-BLU-M", "FC-BLU-L", "FC-GRI-S", "FC-GRI-M"], product.Variants.Select(v => v.Sku));
        Assert.DoesNotContain(product.Variants, v => v.Sku == "FC-GRI-L");

        // Prices: the channel's price list where it has an entry, the variant's own price elsewhere.
        Assert.Equal([49m, 59m, 59m, 59m, 59m], product.Variants.Select(v => v.Price));
        Assert.Equal([59m, 69.90m, 69.90m, 69.90m, 69.90m], product.Variants.Select(v => v.CompareAtPrice));
        Assert.Equal(["8001234000011", "8001234000028"], product.Variants.Take(2).Select(v => v.Barcode));

        // Translations carry the digest of the Italian text they translate.
        var title = product.Translations[("en", "title")];
        Assert.Equal("Cotton sweatshirt", title.Value);
        Assert.Equal(FakeShop.Digest("Felpa in cotone"), title.Digest);
        var body = product.Translations[("en", "body_html")];
        Assert.Equal("<p>Organic cotton sweatshirt.</p>", body.Value);
        Assert.Equal(FakeShop.Digest("<p>Felpa in cotone biologico, felpato all'interno.</p>"),
            body.Digest);

        // Images: the three template URLs, in position order, fetched by the shop.
        string[] images =
        [
            "https://img.example.test/felpa-1.jpg",
            "https://img.example.test/felpa-2.jpg",
            "https://img.example.test/felpa-3.jpg",
        ];
        Assert.Equal(images, product.Media.Select(m => m.Source));
        Assert.Equal(images, harness.Shop.DownloadedSources.Order(StringComparer.Ordinal));

        await using (var db = harness.CreateDbContext())
        {
            var sync = await db.Set<ChannelProductSync>().AsNoTracking().SingleAsync(s => s.ProductId == productId);
            Assert.Equal(product.Id, sync.ExternalProductId);
            Assert.Null(sync.LastError);
            Assert.All(
                await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.Topic == CatalogSyncTopics.CatalogChanged).ToListAsync(),
                row => Assert.Equal(OutboxStatus.Done, row.Status));
        }

        // History: the import and the text edit, each with its author and a diff of old and new values. Listing rows
        // are channel settings, not product data, so including or excluding adds no version.
        await harness.InScopeAsync(async services =>
        {
            var versions = services.GetRequiredService<ProductVersionService>();
            var rows = await versions.ListAsync(productId, CancellationToken.None);
            Assert.Equal([1, 2], rows.Select(r => r.Number).Order());
            var first = rows.Single(r => r.Number == 1);
            Assert.Equal(VersionSourceKinds.Import, first.SourceKind);
            Assert.Equal(Merchant, first.Author);
            var second = rows.Single(r => r.Number == 2);
            Assert.Equal(VersionSourceKinds.User, second.SourceKind);
            Assert.Equal(Merchant, second.Author);

            var importChanges = await versions.GetChangesAsync(productId, 1, CancellationToken.None);
            Assert.Contains(new FieldChange("title", null, "Felpa in cotone"), importChanges);
            Assert.Contains(new FieldChange("variant[FC-GRI-L].price", null, "59.00"), importChanges);

            var editChanges = await versions.GetChangesAsync(productId, 2, CancellationToken.None);
            Assert.Contains(
                new FieldChange("description_html",
                    "<p>Felpa morbida in cotone biologico.</p>\n<ul>\n<li>Vestibilità regolare</li>\n</ul>",
                    "<p>Felpa in cotone biologico, felpato all'interno.</p>"),
                editChanges);
            Assert.Contains(new FieldChange("title@en", null, "Cotton sweatshirt"), editChanges);
            Assert.Contains(new FieldChange("body_html@en", null, "<p>Organic cotton sweatshirt.</p>"),
                editChanges);
            Assert.Contains(new FieldChange($"variant[FC-BLU-S].price_list[{PriceListName}].price", null, "49.00"),
                editChanges);
            Assert.DoesNotContain(editChanges, c => c.Field == "title");
            return 0;
        });
    }
}
