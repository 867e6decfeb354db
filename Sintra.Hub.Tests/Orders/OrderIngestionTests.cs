using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Orders;

public class OrderIngestionTests
{
    private static readonly DateTime Placed = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task CancellationReleasesOnlyThatOrder()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["TZ-BLU", "TZ-ROSSA"], onHand: 5);

        var otherOrder = ShopifyOrderJson.Create(1001, Placed, Placed, "paid", [new TestLine(1, "TZ-BLU", 1)]);
        var lines = new[] { new TestLine(2, "TZ-BLU", 2), new TestLine(3, "TZ-ROSSA", 3) };
        var created = ShopifyOrderJson.Create(1002, Placed, Placed, "paid", lines);
        var cancelledAt = Placed.AddMinutes(30);
        var cancelled = ShopifyOrderJson.Create(1002, Placed, cancelledAt, "paid", lines, cancelledAt);
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, otherOrder);
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, created);
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCancelled, cancelled);

        await using var db = database.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == 1002);
        var other = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == 1001);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(Placed.AddMinutes(30), order.CancelledAt);

        var cancelledLineIds = order.Lines.Select(l => l.Id).ToList();
        var reservations = await db.Reservations.ToListAsync();
        Assert.All(
            reservations.Where(r => cancelledLineIds.Contains(r.OrderLineId)),
            r => Assert.Equal(ReservationStatus.Released, r.Status));
        var otherReservation = Assert.Single(reservations, r => r.OrderLineId == other.Lines.Single().Id);
        Assert.Equal(ReservationStatus.Open, otherReservation.Status);

        var blue = await db.InventoryLevels.SingleAsync(l => l.VariantId == shop.VariantIds["TZ-BLU"]);
        var red = await db.InventoryLevels.SingleAsync(l => l.VariantId == shop.VariantIds["TZ-ROSSA"]);
        Assert.Equal(1, blue.Reserved);
        Assert.Equal(0, red.Reserved);
        var releases = await db.InventoryMovements
            .Where(m => m.Reason == MovementReason.ReservationRelease)
            .ToListAsync();
        Assert.Equal(-5, releases.Sum(m => m.ReservedDelta));
    }

    [Fact]
    public async Task UnmatchedLineKeptAndFlagged()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["0001234"], onHand: 5);

        // SKU matching is exact, so "1234" does not match the catalog's "0001234" and stays unmatched.
        var body = ShopifyOrderJson.Create(
            2001, Placed, Placed, "pending",
            [new TestLine(11, "0001234", 1), new TestLine(12, "1234", 1), new TestLine(13, null, 1)]);
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, body);

        await using var db = database.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync();
        Assert.True(order.HasUnmatchedLines);
        Assert.False(order.HasStockShortfall);
        Assert.Equal(3, order.Lines.Count);
        Assert.Equal(shop.VariantIds["0001234"], order.Lines.Single(l => l.ExternalId == 11).VariantId);
        Assert.Null(order.Lines.Single(l => l.ExternalId == 12).VariantId);
        Assert.Null(order.Lines.Single(l => l.ExternalId == 13).VariantId);
        Assert.Equal(1, await db.Reservations.SumAsync(r => r.Quantity));
    }

    [Fact]
    public async Task ReplayedCreateReservesOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["0001234"], onHand: 5);
        var body = ShopifyOrderJson.Create(3001, Placed, Placed, "pending", [new TestLine(21, "0001234", 2)]);

        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, body);
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, body);

        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(1, await db.OrderLines.CountAsync());
        var reservation = Assert.Single(await db.Reservations.ToListAsync());
        Assert.Equal(2, reservation.Quantity);
        Assert.Equal(2, await db.OrderEvents.CountAsync(e => e.Kind == "webhook:orders/create"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SimultaneousDeliveriesOfNewOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["0001234"], onHand: 5);
        var create = ShopifyOrderJson.Create(4001, Placed, Placed, "pending", [new TestLine(31, "0001234", 2)]);
        var paid = ShopifyOrderJson.Create(
            4001, Placed, Placed.AddMinutes(1), "paid", [new TestLine(31, "0001234", 2)]);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new[]
        {
            await host.EnqueueAsync(shop.ChannelId, ShopifyTopics.OrdersCreate, create, now),
            await host.EnqueueAsync(shop.ChannelId, ShopifyTopics.OrdersPaid, paid, now),
        };

        // One insert may hit the unique index; that delivery is retried after its backoff and then updates.
        await Task.WhenAll(ids.Select(id => Task.Run(() => host.Processor.ProcessAsync(id, CancellationToken.None))));
        clock.Advance(TimeSpan.FromHours(1));
        await host.Processor.ProcessDueAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.All(await db.InboxMessages.ToListAsync(), m => Assert.Equal(InboxStatus.Processed, m.Status));
        var order = await db.Orders.SingleAsync();
        Assert.Equal(OrderStatus.Paid, order.Status);
        var reservation = Assert.Single(await db.Reservations.ToListAsync());
        Assert.Equal(2, reservation.Quantity);
    }

    private static async Task<TestShop> SeedAsync(TestDatabase database, string[] skus, int onHand)
    {
        await using var db = database.CreateDbContext();
        return await ShopTestData.SeedAsync(db, skus, onHand);
    }

    private static async Task ProcessAsync(
        IngestionHost host,
        TestShop shop,
        FakeTimeProvider clock,
        string topic,
        string body)
    {
        var id = await host.EnqueueAsync(shop.ChannelId, topic, body, clock.GetUtcNow().UtcDateTime);
        var status = await host.Processor.ProcessAsync(id, CancellationToken.None);
        Assert.Equal(InboxStatus.Processed, status);
    }
}
