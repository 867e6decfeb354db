using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;
using Sintra.Hub.Tests.StockSync;

namespace Sintra.Hub.Tests.CatalogSync;

/// <summary>
/// The stock sync harness with the catalog push added, a recording product versioning double, catalog settings for
/// its channel, and a linen jacket in three sizes with an English translation and a channel price list.
/// </summary>
public sealed class CatalogSyncHarness : IAsyncDisposable
{
    private CatalogSyncHarness(StockSyncHarness inner, RecordingVersioning versions)
    {
        Inner = inner;
        Versions = versions;
    }

    public StockSyncHarness Inner { get; }

    public RecordingVersioning Versions { get; }

    public Product Product { get; private set; } = null!;

    public PriceList PriceList { get; private set; } = null!;

    public static async Task<CatalogSyncHarness> StartAsync(
        ChannelUpdatePolicy incomingUpdates = ChannelUpdatePolicy.RecordVersion)
    {
        var versions = new RecordingVersioning();
        var inner = await StockSyncHarness.StartAsync(configure: services =>
        {
            services.AddCatalogPush();
            services.AddSingleton<IProductVersioning>(versions);
        });
        var harness = new CatalogSyncHarness(inner, versions);
        await harness.SeedAsync(incomingUpdates);
        return harness;
    }

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action) => Inner.InScopeAsync(action);

    /// <summary>Changes catalog data through a scoped context, so the outbox rows are written as in the app.</summary>
    public Task<int> ChangeAsync(Action<HubDbContext> change) => InScopeAsync(services =>
    {
        var db = services.GetRequiredService<HubDbContext>();
        change(db);
        return db.SaveChangesAsync();
    });

    public async Task<ChannelProductSync> SyncStateAsync()
    {
        await using var db = Inner.CreateDbContext();
        return await db.Set<ChannelProductSync>().AsNoTracking().SingleAsync(s => s.ProductId == Product.Id);
    }

    public Task<InboxStatus> DeliverProductUpdateAsync(string body) => InScopeAsync(async services =>
    {
        var message = new InboxMessage
        {
            Source = "shopify",
            WebhookId = Guid.NewGuid().ToString(),
            ChannelId = Inner.Channel.Id,
            ShopDomain = Inner.Channel.ShopDomain,
            Topic = ProductUpdateWebhookHandler.Topic,
            Body = body,
        };
        var handling = await services.GetRequiredService<InboxMessageHandler>()
            .HandleAsync(message, CancellationToken.None);
        return handling.Status;
    });

    public async ValueTask DisposeAsync() => await Inner.DisposeAsync();

    private async Task SeedAsync(ChannelUpdatePolicy incomingUpdates)
    {
        await ChangeAsync(db => db.Add(new ChannelCatalogSettings
        {
            ChannelId = Inner.Channel.Id,
            PushEnabled = true,
            DefaultListing = ListingDefault.IncludeAll,
            Locale = "it",
            TranslationLocales = "en",
            IncomingUpdates = incomingUpdates,
        }));

        Product = new Product
        {
            Handle = "giacca-lino",
            Title = "Giacca di lino",
            DescriptionHtml = "<p>Lino lavato, taglio dritto.</p>",
            Vendor = "Sartoria Sintra",
            Tags = "estate, lino",
            Option1Name = "Taglia",
            Variants =
            [
                new ProductVariant { Sku = "LINO-S", Option1 = "S", Price = 89m, Position = 1 },
                new ProductVariant { Sku = "LINO-M", Option1 = "M", Price = 89m, Position = 2 },
                new ProductVariant { Sku = "LINO-L", Option1 = "L", Price = 95m, Position = 3 },
            ],
            Images = [new ProductImage { Src = "https://cdn.example.test/giacca.jpg", Position = 1, AltText = "Giacca" }],
        };
        PriceList = new PriceList { Name = "Negozio online EUR", Currency = "EUR", ChannelId = Inner.Channel.Id };
        await ChangeAsync(db =>
        {
            db.Products.Add(Product);
            PriceList.Entries.Add(new PriceListEntry { VariantId = Product.Variants[0].Id, Price = 79m, CompareAtPrice = 89m });
            PriceList.Entries.Add(new PriceListEntry { VariantId = Product.Variants[1].Id, Price = 81m });
            db.PriceLists.Add(PriceList);
            db.CatalogTranslations.Add(Translation(TranslatedFields.Title, "Linen jacket"));
            db.CatalogTranslations.Add(Translation(TranslatedFields.DescriptionHtml, "<p>Washed linen, straight cut.</p>"));
            db.Add(new VariantListing { ChannelId = Inner.Channel.Id, VariantId = Product.Variants[2].Id, Included = false });
        });
    }

    private CatalogTranslation Translation(string field, string value) => new()
    {
        EntityKind = TranslatedEntity.Product,
        EntityId = Product.Id,
        Locale = "en",
        Field = field,
        Value = value,
    };
}

/// <summary>A product versioning double that records each capture and numbers the versions from 1.</summary>
public sealed class RecordingVersioning : IProductVersioning
{
    private readonly List<(Guid ProductId, VersionSource Source)> captures = [];

    public IReadOnlyList<(Guid ProductId, VersionSource Source)> Captures
    {
        get
        {
            lock (captures)
            {
                return [.. captures];
            }
        }
    }

    public Task<int?> CaptureAsync(Guid productId, VersionSource source, CancellationToken cancellationToken)
    {
        lock (captures)
        {
            captures.Add((productId, source));
            return Task.FromResult<int?>(captures.Count);
        }
    }
}
