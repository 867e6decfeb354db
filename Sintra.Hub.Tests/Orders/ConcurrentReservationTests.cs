using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Orders;

public class ConcurrentReservationTests
{
    private const string Sku = "0001234";
    private const int Orders = 50;
    private const int OnHand = 3;

    [Fact]
    public Task FiftyOrdersReserveThreeOnSqlite() => RunAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task FiftyOrdersReserveThreeOnPostgres() => RunAsync(DatabaseProvider.PostgreSql);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero));
        await using var host = new IngestionHost(database, clock);
        TestShop shop;
        await using (var db = database.CreateDbContext())
        {
            shop = await ShopTestData.SeedAsync(db, [Sku], OnHand);
        }

        var placed = new DateTime(2025, 7, 1, 7, 0, 0, DateTimeKind.Utc);
        var ids = new List<Guid>();
        for (var i = 0; i < Orders; i++)
        {
            var body = ShopifyOrderJson.Create(
                7_000_000_000_000_000 + i, placed, placed, "paid", [new TestLine(9_000_000_000_000_000 + i, Sku, 1)]);
            var now = clock.GetUtcNow().UtcDateTime;
            ids.Add(await host.EnqueueAsync(shop.ChannelId, ShopifyTopics.OrdersCreate, body, now));
        }

        await Task.WhenAll(ids.Select(id => Task.Run(() => host.Processor.ProcessAsync(id, CancellationToken.None))));

        // A delivery that lost too many races is retried after its backoff, as the inbox job would.
        for (var round = 0; round < 5; round++)
        {
            clock.Advance(TimeSpan.FromHours(2));
            await host.Processor.ProcessDueAsync(CancellationToken.None);
        }

        await using var check = database.CreateDbContext();
        var statuses = await check.InboxMessages.Select(m => m.Status).ToListAsync();
        Assert.All(statuses, s => Assert.Equal(InboxStatus.Processed, s));

        var level = await check.InventoryLevels.SingleAsync(l => l.VariantId == shop.VariantIds[Sku]);
        Assert.Equal(OnHand, level.OnHand);
        Assert.Equal(OnHand, level.Reserved);

        var openReserved = await check.Reservations
            .Where(r => r.Status == ReservationStatus.Open)
            .SumAsync(r => r.Quantity);
        Assert.Equal(level.Reserved, openReserved);

        var lines = await check.OrderLines.ToListAsync();
        Assert.Equal(Orders, lines.Count);
        Assert.Equal(Orders - OnHand, lines.Sum(l => l.ShortfallQuantity));
        Assert.Equal(Orders - OnHand, await check.Orders.CountAsync(o => o.HasStockShortfall));

        var movements = await check.InventoryMovements.Where(m => m.VariantId == shop.VariantIds[Sku]).ToListAsync();
        Assert.Equal(level.OnHand, movements.Sum(m => m.OnHandDelta));
        Assert.Equal(level.Reserved, movements.Sum(m => m.ReservedDelta));
        Assert.All(movements, m => Assert.True(
            m.ReservedAfter <= m.OnHandAfter,
            $"Reserved {m.ReservedAfter} exceeds on hand {m.OnHandAfter}."));
    }
}
