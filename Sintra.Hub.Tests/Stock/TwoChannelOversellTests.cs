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

/// <summary>
/// Two channels sell one item from the same two warehouses, MIL with 30 and ROM with 20 units, each channel taking
/// its orders from a different warehouse first, while 200 one-unit orders arrive at once.
/// </summary>
public sealed class TwoChannelOversellTests
{
    private const string Sku = "BROCCA-07";
    private const int OrdersPerChannel = 100;
    private const int Milan = 30;
    private const int Rome = 20;

    private static readonly DateTime Placed = new(2026, 6, 12, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TwoHundredOrdersReserveExactlyFifty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var (first, second) = await SeedAsync(database);

        var ids = new List<Guid>();
        for (var i = 0; i < OrdersPerChannel; i++)
        {
            ids.Add(await host.EnqueueAsync(first, ShopifyTopics.OrdersCreate, Order(3000 + i), Placed));
            ids.Add(await host.EnqueueAsync(second, ShopifyTopics.OrdersCreate, Order(7000 + i), Placed));
        }

        // Each delivery runs in its own scope and transaction, as the inbox job runs them.
        await Task.WhenAll(ids.Select(id => Task.Run(() => host.Processor.ProcessAsync(id, CancellationToken.None))));

        // A delivery that lost too many races is retried after its backoff, as the inbox job would.
        for (var round = 0; round < 8; round++)
        {
            clock.Advance(TimeSpan.FromHours(2));
            await host.Processor.ProcessDueAsync(CancellationToken.None);
        }

        await using var db = database.CreateDbContext();
        var statuses = await db.InboxMessages.AsNoTracking().Select(m => m.Status).ToListAsync();
        Assert.Equal(2 * OrdersPerChannel, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(InboxStatus.Processed, s));
        Assert.Equal(2 * OrdersPerChannel, await db.Orders.CountAsync());

        var levels = await db.InventoryLevels.AsNoTracking().ToListAsync();
        Assert.Equal(2, levels.Count);
        Assert.All(levels, l => Assert.True(l.Available >= 0, $"Available {l.Available} in {l.WarehouseId}."));
        Assert.All(levels, l => Assert.Equal(0, l.Available));
        Assert.Equal(Milan + Rome, levels.Sum(l => l.Reserved));
        Assert.Equal(Milan + Rome, levels.Sum(l => l.OnHand));

        var lines = await db.OrderLines.AsNoTracking().ToListAsync();
        Assert.Equal(2 * OrdersPerChannel, lines.Count);
        Assert.Equal((2 * OrdersPerChannel) - Milan - Rome, lines.Sum(l => l.ShortfallQuantity));
        Assert.Equal((2 * OrdersPerChannel) - Milan - Rome, await db.Orders.CountAsync(o => o.HasStockShortfall));

        var open = await db.Reservations.AsNoTracking().Where(r => r.Status == ReservationStatus.Open).ToListAsync();
        Assert.Equal(Milan + Rome, open.Sum(r => r.Quantity));
        Assert.Equal(Milan + Rome, open.Select(r => r.OrderLineId).Distinct().Count());
        var movements = await db.InventoryMovements.AsNoTracking().ToListAsync();
        foreach (var level in levels)
        {
            var own = movements.Where(m => m.WarehouseId == level.WarehouseId).ToList();
            Assert.Equal(level.OnHand, own.Sum(m => m.OnHandDelta));
            Assert.Equal(level.Reserved, own.Sum(m => m.ReservedDelta));
            Assert.Equal(level.Unavailable, own.Sum(m => m.UnavailableDelta));
            Assert.Equal(level.Reserved, open.Where(r => r.WarehouseId == level.WarehouseId).Sum(r => r.Quantity));
        }

        Assert.All(movements, m => Assert.True(m.ReservedAfter <= m.OnHandAfter, $"Movement {m.Id} oversold."));
    }

    private static string Order(long id) =>
        ShopifyOrderJson.Create(id, Placed, Placed, "paid", [new TestLine(600000 + id, Sku, 1)]);

    /// <summary>
    /// Creates the first channel with MIL as order warehouse and the second with ROM, both selling from MIL and ROM.
    /// </summary>
    private static async Task<(Guid First, Guid Second)> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var shop = await ShopTestData.SeedAsync(db, [Sku], Milan);
        var rome = new Warehouse { Code = "ROM", Name = "Magazzino Roma" };
        db.Warehouses.Add(rome);
        var second = new SalesChannel
        {
            Name = "Bottega Roma",
            ShopDomain = "bottega-roma.myshopify.com",
            OrderWarehouseId = rome.Id,
            TimeZone = "Europe/Rome",
        };
        db.Channels.Add(second);
        db.ChannelStockSources.AddRange(
            new ChannelStockSource { ChannelId = shop.ChannelId, WarehouseId = shop.WarehouseId, Priority = 1 },
            new ChannelStockSource { ChannelId = shop.ChannelId, WarehouseId = rome.Id, Priority = 2 },
            new ChannelStockSource { ChannelId = second.Id, WarehouseId = rome.Id, Priority = 1 },
            new ChannelStockSource { ChannelId = second.Id, WarehouseId = shop.WarehouseId, Priority = 2 });
        await db.SaveChangesAsync();

        var ledger = new StockLedger(db, TimeProvider.System);
        await ledger.SetOnHandAsync(
            shop.VariantIds[Sku], rome.Id, Rome, MovementReason.InitialCount, StockScene.Seed, default);
        await db.SaveChangesAsync();
        return (shop.ChannelId, second.Id);
    }
}
