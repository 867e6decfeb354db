using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Orders;

public class OrderFulfillmentTests
{
    private static readonly DateTime Placed = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ShipmentTurnsReservationIntoOutbound()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["TZ-BLU", "TZ-ROSSA"], onHand: 10);
        var lines = new[] { new TestLine(51, "TZ-BLU", 3), new TestLine(52, "TZ-ROSSA", 2) };
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, ShopifyOrderJson.Create(4001, Placed, Placed, "paid", lines));

        var fulfillment = Fulfillment(8001, 4001, "success", (51, 2));
        var first = await ProcessAsync(host, shop, clock, ShopifyTopics.FulfillmentsCreate, fulfillment);
        var again = await ProcessAsync(host, shop, clock, ShopifyTopics.FulfillmentsCreate, fulfillment);

        await using var db = database.CreateDbContext();
        var blue = await db.InventoryLevels.SingleAsync(l => l.VariantId == shop.VariantIds["TZ-BLU"]);
        var red = await db.InventoryLevels.SingleAsync(l => l.VariantId == shop.VariantIds["TZ-ROSSA"]);
        var line = await db.OrderLines.SingleAsync(l => l.ExternalId == 51);
        Assert.Equal(InboxStatus.Processed, first);
        Assert.Equal(InboxStatus.Processed, again);
        Assert.Equal(8, blue.OnHand);
        Assert.Equal(1, blue.Reserved);
        Assert.Equal(10, red.OnHand);
        Assert.Equal(2, red.Reserved);
        var rows = await db.Reservations.Where(r => r.OrderLineId == line.Id).ToListAsync();
        Assert.Equal(2, rows.Where(r => r.Status == ReservationStatus.Fulfilled).Sum(r => r.Quantity));
        Assert.Equal(1, rows.Where(r => r.Status == ReservationStatus.Open).Sum(r => r.Quantity));
        var shipment = await db.InventoryMovements.SingleAsync(m => m.Reason == MovementReason.Shipment);
        Assert.Equal(-2, shipment.OnHandDelta);
        Assert.Equal(-2, shipment.ReservedDelta);
        Assert.Equal(blue.OnHand, await db.InventoryMovements.Where(m => m.VariantId == blue.VariantId).SumAsync(m => m.OnHandDelta));
        var timeline = await db.OrderEvents.SingleAsync(e => e.Kind == "fulfillment:8001");
        Assert.Contains("BRT 123456", timeline.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledFulfillmentMovesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["TZ-BLU"], onHand: 4);
        await ProcessAsync(
            host, shop, clock, ShopifyTopics.OrdersCreate,
            ShopifyOrderJson.Create(4002, Placed, Placed, "paid", [new TestLine(61, "TZ-BLU", 1)]));

        await ProcessAsync(host, shop, clock, ShopifyTopics.FulfillmentsCreate, Fulfillment(8002, 4002, "cancelled", (61, 1)));

        await using var db = database.CreateDbContext();
        var level = await db.InventoryLevels.SingleAsync();
        Assert.Equal(4, level.OnHand);
        Assert.Equal(1, level.Reserved);
    }

    [Fact]
    public async Task ShortfallUnitsShipWithoutReservation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["0001234"], onHand: 1);
        await ProcessAsync(
            host, shop, clock, ShopifyTopics.OrdersCreate,
            ShopifyOrderJson.Create(4003, Placed, Placed, "paid", [new TestLine(71, "0001234", 3)]));

        var status = await ProcessAsync(host, shop, clock, ShopifyTopics.FulfillmentsCreate, Fulfillment(8003, 4003, "success", (71, 3)));

        await using var db = database.CreateDbContext();
        var level = await db.InventoryLevels.SingleAsync();
        var timeline = await db.OrderEvents.SingleAsync(e => e.Kind == "fulfillment:8003");
        Assert.Equal(InboxStatus.Processed, status);
        Assert.Equal(0, level.OnHand);
        Assert.Equal(0, level.Reserved);
        Assert.Contains("2 unit(s) had no reservation", timeline.Message, StringComparison.Ordinal);
    }

    private static string Fulfillment(long id, long orderId, string status, params (long LineId, int Quantity)[] lines) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            id,
            order_id = orderId,
            status,
            tracking_company = "BRT",
            tracking_number = "123456",
            line_items = lines.Select(l => new { id = l.LineId, quantity = l.Quantity, sku = "x" }),
        });

    private static async Task<TestShop> SeedAsync(TestDatabase database, string[] skus, int onHand)
    {
        await using var db = database.CreateDbContext();
        return await ShopTestData.SeedAsync(db, skus, onHand);
    }

    private static async Task<InboxStatus?> ProcessAsync(
        IngestionHost host,
        TestShop shop,
        FakeTimeProvider clock,
        string topic,
        string body)
    {
        var id = await host.EnqueueAsync(shop.ChannelId, topic, body, clock.GetUtcNow().UtcDateTime);
        return await host.Processor.ProcessAsync(id, CancellationToken.None);
    }
}
