using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Orders;

public class OrderRefundTests
{
    private static readonly DateTime Placed = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task RefundBeforeShippingReleasesReservation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["TZ-BLU", "TZ-ROSSA"], onHand: 10);
        var lines = new[] { new TestLine(11, "TZ-BLU", 3), new TestLine(12, "TZ-ROSSA", 2) };
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, ShopifyOrderJson.Create(3001, Placed, Placed, "paid", lines));

        var refund = Refund(7001, 3001, (11, 2, "cancel"));
        var first = await ProcessAsync(host, shop, clock, ShopifyTopics.RefundsCreate, refund);
        var again = await ProcessAsync(host, shop, clock, ShopifyTopics.RefundsCreate, refund);

        await using var db = database.CreateDbContext();
        var blue = await db.InventoryLevels.SingleAsync(l => l.VariantId == shop.VariantIds["TZ-BLU"]);
        var red = await db.InventoryLevels.SingleAsync(l => l.VariantId == shop.VariantIds["TZ-ROSSA"]);
        var line = await db.OrderLines.SingleAsync(l => l.ExternalId == 11);
        Assert.Equal(InboxStatus.Processed, first);
        Assert.Equal(InboxStatus.Processed, again);
        Assert.Equal(1, blue.Reserved);
        Assert.Equal(10, blue.OnHand);
        Assert.Equal(2, red.Reserved);
        Assert.Equal(2, line.RefundedQuantity);
        var open = await db.Reservations.Where(r => r.OrderLineId == line.Id && r.Status == ReservationStatus.Open).ToListAsync();
        Assert.Equal(1, open.Sum(r => r.Quantity));
        var released = await db.Reservations.Where(r => r.OrderLineId == line.Id && r.Status == ReservationStatus.Released).ToListAsync();
        Assert.Equal(2, released.Sum(r => r.Quantity));
        Assert.Equal(blue.Reserved, await db.InventoryMovements.Where(m => m.VariantId == blue.VariantId).SumAsync(m => m.ReservedDelta));
        Assert.Equal(1, await db.OrderEvents.CountAsync(e => e.Kind == "refund:7001"));
    }

    [Fact]
    public async Task RefundTakesShortfallBeforeReservation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["0001234"], onHand: 1);
        var lines = new[] { new TestLine(21, "0001234", 3) };
        await ProcessAsync(host, shop, clock, ShopifyTopics.OrdersCreate, ShopifyOrderJson.Create(3002, Placed, Placed, "paid", lines));

        await ProcessAsync(host, shop, clock, ShopifyTopics.RefundsCreate, Refund(7002, 3002, (21, 2, "no_restock")));

        await using var db = database.CreateDbContext();
        var level = await db.InventoryLevels.SingleAsync();
        var line = await db.OrderLines.SingleAsync();
        var order = await db.Orders.SingleAsync();
        Assert.Equal(1, level.Reserved);
        Assert.Equal(0, line.ShortfallQuantity);
        Assert.False(order.HasStockShortfall);
    }

    [Fact]
    public async Task ReturnedUnitsKeepStockUntouched()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["TZ-BLU"], onHand: 5);
        await ProcessAsync(
            host, shop, clock, ShopifyTopics.OrdersCreate,
            ShopifyOrderJson.Create(3003, Placed, Placed, "paid", [new TestLine(31, "TZ-BLU", 2)]));

        await ProcessAsync(host, shop, clock, ShopifyTopics.RefundsCreate, Refund(7003, 3003, (31, 1, "return")));

        await using var db = database.CreateDbContext();
        var level = await db.InventoryLevels.SingleAsync();
        Assert.Equal(2, level.Reserved);
        Assert.Equal(1, (await db.OrderLines.SingleAsync()).RefundedQuantity);
    }

    [Fact]
    public async Task RefundBeforeOrderIsRetried()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
        await using var host = new IngestionHost(database, clock);
        var shop = await SeedAsync(database, ["TZ-BLU"], onHand: 5);

        var id = await host.EnqueueAsync(shop.ChannelId, ShopifyTopics.RefundsCreate, Refund(7004, 3004, (41, 1, "cancel")), clock.GetUtcNow().UtcDateTime);
        var status = await host.Processor.ProcessAsync(id, CancellationToken.None);

        await using var db = database.CreateDbContext();
        var message = await db.InboxMessages.SingleAsync();
        Assert.Equal(InboxStatus.Retrying, status);
        Assert.Contains("3004", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicRefundBodyParses()
    {
        var refund = ShopifyRefundParser.Parse("""
            {"id": 509562969, "order_id": 450789469, "restock": true,
             "refund_line_items": [
               {"id": 104689539, "quantity": 1, "line_item_id": 703073504,
                "line_item": {"id": 703073504, "sku": "IPOD2008BLACK", "fulfillment_status": null}},
               {"id": 709875399, "quantity": 2, "line_item_id": 466157049, "restock_type": "return",
                "line_item": {"id": 466157049, "sku": "IPOD2008GREEN", "fulfillment_status": "fulfilled"}}]}
            """);

        Assert.Equal(509562969L, refund.ExternalId);
        Assert.Equal(450789469L, refund.OrderExternalId);
        Assert.Equal(2, refund.Lines.Count);
        Assert.False(refund.Lines[0].Shipped);
        Assert.Equal(703073504L, refund.Lines[0].LineExternalId);
        Assert.True(refund.Lines[1].Shipped);
        Assert.Equal(2, refund.Lines[1].Quantity);
    }

    private static string Refund(long id, long orderId, params (long LineId, int Quantity, string RestockType)[] lines) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            id,
            order_id = orderId,
            refund_line_items = lines.Select((l, i) => new
            {
                id = id * 10 + i,
                quantity = l.Quantity,
                line_item_id = l.LineId,
                restock_type = l.RestockType,
            }),
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
