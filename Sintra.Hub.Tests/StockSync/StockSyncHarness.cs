using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Shopify.Fake;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.StockSync;

/// <summary>
/// A migrated SQLite database, a fake shop on 127.0.0.1 and the real stock push services between them, all on one
/// stepping clock, with one warehouse, one channel selling from it and one mapped Shopify location.
/// </summary>
public sealed class StockSyncHarness : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly ServiceProvider provider;

    private StockSyncHarness(TestDatabase database, FakeShopifyServer server, SteppingClock clock,
        ServiceProvider provider)
    {
        this.database = database;
        Server = server;
        Clock = clock;
        this.provider = provider;
    }

    public FakeShopifyServer Server { get; }

    public SteppingClock Clock { get; }

    public FakeShop Shop => Server.Shop;

    public FakeLocation Location { get; private set; } = null!;

    public Warehouse Warehouse { get; private set; } = null!;

    public SalesChannel Channel { get; private set; } = null!;

    public static async Task<StockSyncHarness> StartAsync(
        int buffer = 0, int? cap = null, Action<IServiceCollection>? configure = null)
    {
        var clock = new SteppingClock();
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var server = await FakeShopifyServer.StartAsync(clock);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(clock);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<ChannelSecretProtector>();
        services.AddHubDatabase(new DatabaseOptions { ConnectionString = database.ConnectionString },
            Path.GetTempPath());
        services.AddScoped<StockLedger>();
        services.AddScoped<OrderIngestionService>();
        services.AddScoped<OrderRefundService>();
        services.AddScoped<OrderFulfillmentService>();
        services.AddScoped<OrderEditService>();
        services.AddScoped<InboxMessageHandler>();
        services.AddStockSyncServices();
        services.Configure<StockSyncOptions>(_ => { });

        // Request timeouts stay above SteppingClock's step limit, so real HTTP never times out on the fake clock.
        services.Configure<ShopifyAdminOptions>(o =>
        {
            o.RequestTimeout = TimeSpan.FromMinutes(10);
            o.MaxRetries = 3;
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
        });
        configure?.Invoke(services);
        var harness = new StockSyncHarness(database, server, clock, services.BuildServiceProvider());
        await harness.SeedAsync(buffer, cap);
        return harness;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = provider.CreateAsyncScope();
        return await Clock.RunAsync(action(scope.ServiceProvider));
    }

    public Task<int> ProcessOutboxAsync() =>
        Clock.RunAsync(provider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(CancellationToken.None));

    public HubDbContext CreateDbContext() => database.CreateDbContext();

    public IServiceProvider Services => provider;

    /// <summary>
    /// Adds hub variants with the given on hand and, unless <paramref name="shopOnHand"/> is null, a Shopify variant
    /// of each SKU stocked at the location.
    /// </summary>
    public async Task<List<ProductVariant>> AddVariantsAsync(int hubOnHand, int? shopOnHand, params string[] skus)
    {
        var product = new Product
        {
            Handle = $"product-{Guid.NewGuid():N}",
            Title = "Giacca di lino",
            Variants = skus.Select((sku, i) => new ProductVariant { Sku = sku, Price = 89m, Position = i + 1 }).ToList(),
        };
        await using (var db = CreateDbContext())
        {
            db.Products.Add(product);
            await db.SaveChangesAsync();
        }

        await SetOnHandAsync(product.Variants, hubOnHand);
        foreach (var sku in skus.Where(_ => shopOnHand is not null))
        {
            Shop.SetLevel(Shop.AddVariant(sku).InventoryItemId, Location.Id, shopOnHand!.Value);
        }

        return product.Variants;
    }

    /// <summary>Sets the hub's on hand of the variants through the ledger, which adds the outbox rows.</summary>
    public Task SetOnHandAsync(IEnumerable<ProductVariant> variants, int onHand, Guid? warehouseId = null) =>
        InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<HubDbContext>();
        var ledger = services.GetRequiredService<StockLedger>();
        foreach (var variant in variants)
        {
            await ledger.SetOnHandAsync(variant.Id, warehouseId ?? Warehouse.Id, onHand, MovementReason.Count,
                new StockReference(StockReferenceTypes.User, "test", "test"), CancellationToken.None);
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>Adds an open order of the channel and reserves <paramref name="quantity"/> units of the variant.</summary>
    public Task<int> ReserveForOrderAsync(ProductVariant variant, int quantity) => InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<HubDbContext>();
        var line = new OrderLine { ExternalId = 1, Title = "Giacca di lino", Quantity = quantity };
        db.Orders.Add(new Order
        {
            ChannelId = Channel.Id,
            ExternalId = Random.Shared.NextInt64(1, long.MaxValue),
            Name = "#1001",
            Currency = "EUR",
            PresentmentCurrency = "EUR",
            Lines = [line],
        });
        await db.SaveChangesAsync();
        var reserved = await services.GetRequiredService<StockLedger>().ReserveAsync(line.Id, variant.Id,
            Warehouse.Id, quantity, new StockReference(StockReferenceTypes.Order, "1001", "test"),
            CancellationToken.None);
        await db.SaveChangesAsync();
        return reserved;
    });

    /// <summary>Returns the stock push rows; integration event rows have their own handlers and tests.</summary>
    /// <summary>Reads the outbox rows of one topic, <c>stock.changed</c> unless another is given, oldest first.</summary>
    public async Task<List<OutboxMessage>> OutboxAsync(string topic = OutboxTopics.StockChanged)
    {
        await using var db = CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Topic == topic)
            .OrderBy(m => m.CreatedAt).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await Server.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task SeedAsync(int buffer, int? cap)
    {
        Location = Shop.AddLocation("Magazzino Bologna");
        Warehouse = new Warehouse { Code = "BO", Name = "Bologna" };
        Channel = new SalesChannel
        {
            Name = "Negozio online",
            ShopDomain = FakeShopifyServer.ShopDomain,
            OrderWarehouseId = Warehouse.Id,
            StockBuffer = buffer,
            StockCap = cap,
        };
        Channel.StockSources.Add(new ChannelStockSource { WarehouseId = Warehouse.Id, Priority = 1 });
        await using var db = CreateDbContext();
        db.Warehouses.Add(Warehouse);
        db.Channels.Add(Channel);
        db.ShopifyLocations.Add(new ShopifyLocationMapping
        {
            ChannelId = Channel.Id,
            LocationId = Location.Id,
            LocationName = Location.Name,
        });
        await db.SaveChangesAsync();
        await InScopeAsync(services => services.GetRequiredService<ChannelSyncSettingsService>().SaveAsync(
            Channel.Id, Server.AccessToken, Server.BaseAddress.ToString(), pushEnabled: true, CancellationToken.None));
    }
}
