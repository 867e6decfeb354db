using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Orders;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Stock;

public class MultiSourceReservationTests
{
    private const string Sku = "VASO-22";

    private static readonly DateTime Placed = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ReservationSplitsAcrossSourcesByPriority()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var (shop, naples, turin) = await SeedAsync(database, milan: 2, turin: 1, naples: 3);

        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, Order(1001, 8));

        await using var db = database.CreateDbContext();
        var line = await db.OrderLines.AsNoTracking().SingleAsync();
        var rows = await db.Reservations.AsNoTracking().Where(r => r.OrderLineId == line.Id).ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows.Single(r => r.WarehouseId == shop.WarehouseId).Quantity);
        Assert.Equal(3, rows.Single(r => r.WarehouseId == naples).Quantity);
        Assert.Equal(1, rows.Single(r => r.WarehouseId == turin).Quantity);
        Assert.Equal(2, line.ShortfallQuantity);
        Assert.True((await db.Orders.AsNoTracking().SingleAsync()).HasStockShortfall);
        Assert.All(await db.InventoryLevels.AsNoTracking().ToListAsync(), l => Assert.Equal(0, l.Available));
    }

    [Fact]
    public async Task CancelReleasesEverySourceExactly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var (shop, _, _) = await SeedAsync(database, milan: 1, turin: 4, naples: 4);

        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, Order(1001, 3));
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, Order(1002, 2));
        var cancelledAt = Placed.AddMinutes(20);
        var cancelled = ShopifyOrderJson.Create(
            1001, Placed, cancelledAt, "paid", [new TestLine(501001, Sku, 3)], cancelledAt);
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCancelled, cancelled);

        await using var db = database.CreateDbContext();
        var levels = await db.InventoryLevels.AsNoTracking().ToListAsync();
        Assert.Equal(2, levels.Sum(l => l.Reserved));
        var open = await db.Reservations.AsNoTracking().Where(r => r.Status == ReservationStatus.Open).ToListAsync();
        Assert.All(levels, l => Assert.Equal(
            open.Where(r => r.WarehouseId == l.WarehouseId).Sum(r => r.Quantity), l.Reserved));
        Assert.Equal(2, await db.Reservations.CountAsync(r => r.Status == ReservationStatus.Released));
    }

    [Fact]
    public Task FiftyOrdersNeverOversellOnSqlite() => RunConcurrentAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task FiftyOrdersNeverOversellOnPostgres() => RunConcurrentAsync(DatabaseProvider.PostgreSql);

    private static async Task RunConcurrentAsync(DatabaseProvider provider)
    {
        const int orders = 50;
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var (shop, _, _) = await SeedAsync(database, milan: 4, turin: 5, naples: 0);

        var ids = new List<Guid>();
        for (var i = 0; i < orders; i++)
        {
            var body = Order(2000 + i, 1);
            ids.Add(await host.EnqueueAsync(shop.ChannelId, ShopifyTopics.OrdersCreate, body, Placed));
        }

        await Task.WhenAll(ids.Select(id => Task.Run(() => host.Processor.ProcessAsync(id, CancellationToken.None))));

        // A delivery that lost too many races is retried after its backoff, as the inbox job would.
        for (var round = 0; round < 5; round++)
        {
            clock.Advance(TimeSpan.FromHours(2));
            await host.Processor.ProcessDueAsync(CancellationToken.None);
        }

        await using var db = database.CreateDbContext();
        Assert.All(await db.InboxMessages.Select(m => m.Status).ToListAsync(),
            s => Assert.Equal(InboxStatus.Processed, s));
        var levels = await db.InventoryLevels.AsNoTracking().ToListAsync();
        Assert.All(levels, l => Assert.True(l.Reserved <= l.OnHand, $"Reserved {l.Reserved} > on hand {l.OnHand}."));
        Assert.Equal(9, levels.Sum(l => l.Reserved));
        var lines = await db.OrderLines.AsNoTracking().ToListAsync();
        Assert.Equal(orders - 9, lines.Sum(l => l.ShortfallQuantity));
        var open = await db.Reservations.AsNoTracking().Where(r => r.Status == ReservationStatus.Open).ToListAsync();
        Assert.Equal(9, open.Sum(r => r.Quantity));
        Assert.All(levels, l => Assert.Equal(
            open.Where(r => r.WarehouseId == l.WarehouseId).Sum(r => r.Quantity), l.Reserved));
        var movements = await db.InventoryMovements.AsNoTracking().ToListAsync();
        Assert.All(movements, m => Assert.True(m.ReservedAfter <= m.OnHandAfter, $"Movement {m.Id} oversold."));
    }

    private static string Order(long id, int quantity) =>
        ShopifyOrderJson.Create(id, Placed, Placed, "paid", [new TestLine(500000 + id, Sku, quantity)]);

    /// <summary>Creates the shop with MIL as order warehouse, then NAP and TRN as second and third sources.</summary>
    private static async Task<(TestShop Shop, Guid Naples, Guid Turin)> SeedAsync(
        TestDatabase database,
        int milan,
        int turin,
        int naples)
    {
        await using var db = database.CreateDbContext();
        var shop = await ShopTestData.SeedAsync(db, [Sku], milan);
        var turinWarehouse = new Warehouse { Code = "TRN", Name = "Magazzino Torino" };
        var naplesWarehouse = new Warehouse { Code = "NAP", Name = "Magazzino Napoli" };
        db.Warehouses.AddRange(turinWarehouse, naplesWarehouse);
        // Priorities put Naples before Turin to show that priority, not insertion order, decides.
        db.ChannelStockSources.AddRange(
            new ChannelStockSource { ChannelId = shop.ChannelId, WarehouseId = shop.WarehouseId, Priority = 3 },
            new ChannelStockSource { ChannelId = shop.ChannelId, WarehouseId = turinWarehouse.Id, Priority = 2 },
            new ChannelStockSource { ChannelId = shop.ChannelId, WarehouseId = naplesWarehouse.Id, Priority = 1 });
        await db.SaveChangesAsync();

        var ledger = new StockLedger(db, TimeProvider.System);
        var variantId = shop.VariantIds[Sku];
        foreach (var (warehouseId, onHand) in new[] { (turinWarehouse.Id, turin), (naplesWarehouse.Id, naples) })
        {
            await ledger.SetOnHandAsync(
                variantId, warehouseId, onHand, MovementReason.InitialCount, StockScene.Seed, default);
        }
        await db.SaveChangesAsync();
        return (shop, naplesWarehouse.Id, turinWarehouse.Id);
    }

    private static async Task ProcessAsync(
        IngestionHost host, TestShop shop, FakeTimeProvider clock, string topic, string body)
    {
        var id = await host.EnqueueAsync(shop.ChannelId, topic, body, clock.GetUtcNow().UtcDateTime);
        await host.Processor.ProcessAsync(id, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
    }
}
