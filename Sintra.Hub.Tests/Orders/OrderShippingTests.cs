using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Orders;

public class OrderShippingTests
{
    private static readonly DateTime Placed = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task PartialShipmentsThenRest()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 3), ("TZ-ROSSA", 2));

        var first = await setup.ShipAsync([Line(setup, "TZ-BLU", 1)], "ref-1");
        var second = await setup.ShipAsync([Line(setup, "TZ-BLU", 1), Line(setup, "TZ-ROSSA", 1)], "ref-2");
        var statusAfterTwo = await setup.StatusAsync();
        var rest = await setup.ShipAsync([], "ref-3");

        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Succeeded, second.Error);
        Assert.True(rest.Succeeded, rest.Error);
        Assert.Equal(OrderStatus.PartiallyShipped, statusAfterTwo);
        Assert.Equal(2, rest.UnitsShipped);
        Assert.Equal(OrderStatus.Shipped, await setup.StatusAsync());
        await using var db = setup.CreateDbContext();
        var blue = await db.InventoryLevels.SingleAsync(l => l.VariantId == setup.Shop.VariantIds["TZ-BLU"]);
        var red = await db.InventoryLevels.SingleAsync(l => l.VariantId == setup.Shop.VariantIds["TZ-ROSSA"]);
        Assert.Equal(7, blue.OnHand);
        Assert.Equal(0, blue.Reserved);
        Assert.Equal(8, red.OnHand);
        Assert.Equal(0, red.Reserved);
        Assert.Equal(0, await db.Reservations.CountAsync(r => r.Status == ReservationStatus.Open));
        Assert.Equal(5, await db.Reservations.Where(r => r.Status == ReservationStatus.Fulfilled).SumAsync(r => r.Quantity));
        Assert.Equal(3, await db.Shipments.CountAsync());
        var lines = await db.OrderLines.ToListAsync();
        Assert.All(lines, l => Assert.Equal(l.Quantity, l.ShippedQuantity));
        Assert.Equal(3, await db.OrderEvents.CountAsync(e => e.Kind == "shipment"));
    }

    [Fact]
    public async Task ShipmentWritesOutboxRows()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 2));

        var result = await setup.ShipAsync([Line(setup, "TZ-BLU", 2)], null, "BRT", "BRT-778899",
            "https://tracking.example.it/BRT-778899");

        await using var db = setup.CreateDbContext();
        var rows = await db.OutboxMessages.Where(m => m.Topic != OutboxTopics.StockChanged).ToListAsync();
        var push = Assert.Single(rows, r => r.Topic == OrderChannelTopics.FulfillmentPush);
        var email = Assert.Single(rows, r => r.Topic == OutboxTopics.ShipmentEmail);
        var integration = Assert.Single(rows, r => r.Topic == OutboxTopics.OrderShippedEvent);
        Assert.Equal(result.ShipmentId, push.EntityId);
        Assert.Equal(setup.OrderId, email.EntityId);
        Assert.Equal(setup.OrderId, integration.EntityId);
        var notice = JsonSerializer.Deserialize<ShipmentNotice>(email.Payload!)!;
        Assert.Equal(result.ShipmentId, notice.ShipmentId);
        Assert.Equal("BRT-778899", notice.TrackingNumber);
        Assert.Equal("https://tracking.example.it/BRT-778899", notice.TrackingUrl);
        Assert.Equal("TZ-BLU", Assert.Single(notice.Lines).Sku);
        Assert.Equal(2, notice.Lines[0].Quantity);
        Assert.Equal(email.Payload, integration.Payload);
    }

    [Fact]
    public async Task OverShippingRejected()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 2));
        await setup.ShipAsync([Line(setup, "TZ-BLU", 1)], null);

        var result = await setup.ShipAsync([Line(setup, "TZ-BLU", 2)], null);

        Assert.False(result.Succeeded);
        Assert.Contains("2 unit(s) requested but only 1 left to ship", result.Error, StringComparison.Ordinal);
        Assert.Contains("TZ-BLU", result.Error, StringComparison.Ordinal);
        await using var db = setup.CreateDbContext();
        Assert.Equal(1, await db.Shipments.CountAsync());
        Assert.Equal(9, (await db.InventoryLevels.SingleAsync()).OnHand);
    }

    [Fact]
    public async Task RefundedUnitsNeverShip()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 3));
        await setup.ProcessAsync(ShopifyTopics.RefundsCreate, Refund(7101, setup.ExternalId, (1, 2, "no_restock")));

        var tooMany = await setup.ShipAsync([Line(setup, "TZ-BLU", 2)], null);
        var rest = await setup.ShipAsync([], null);

        Assert.False(tooMany.Succeeded);
        Assert.Contains("only 1 left to ship", tooMany.Error, StringComparison.Ordinal);
        Assert.True(rest.Succeeded, rest.Error);
        Assert.Equal(1, rest.UnitsShipped);
        Assert.Equal(OrderStatus.Shipped, await setup.StatusAsync());
        await using var db = setup.CreateDbContext();
        var level = await db.InventoryLevels.SingleAsync();
        Assert.Equal(9, level.OnHand);
        Assert.Equal(0, level.Reserved);
    }

    [Fact]
    public async Task ExternalReferenceIsIdempotent()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 3));

        var first = await setup.ShipAsync([Line(setup, "TZ-BLU", 1)], "file:bolle.csv#4");
        var again = await setup.ShipAsync([Line(setup, "TZ-BLU", 1)], "file:bolle.csv#4");

        Assert.False(first.AlreadyApplied);
        Assert.True(again.AlreadyApplied);
        Assert.Equal(first.ShipmentId, again.ShipmentId);
        Assert.Equal(1, again.UnitsShipped);
        await using var db = setup.CreateDbContext();
        Assert.Equal(1, await db.Shipments.CountAsync());
        Assert.Equal(9, (await db.InventoryLevels.SingleAsync()).OnHand);
        Assert.Equal(1, await db.InventoryMovements.CountAsync(m => m.Reason == MovementReason.Shipment));
    }

    [Fact]
    public async Task ConcurrentShipOneWins()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 2), ("TZ-ROSSA", 1));

        var results = await Task.WhenAll(
            Task.Run(() => setup.ShipAsync([], "worker-a")),
            Task.Run(() => setup.ShipAsync([], "worker-b")));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("nothing left to ship", loser.Error, StringComparison.Ordinal);
        await using var db = setup.CreateDbContext();
        Assert.Equal(1, await db.Shipments.CountAsync());
        Assert.Equal(2, await db.InventoryMovements.CountAsync(m => m.Reason == MovementReason.Shipment));
        Assert.Equal(-3, await db.InventoryMovements.Where(m => m.Reason == MovementReason.Shipment).SumAsync(m => m.OnHandDelta));
        Assert.Equal(OrderStatus.Shipped, await setup.StatusAsync());
    }

    [Fact]
    public async Task InvalidValuesNamed()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 2));

        var zero = await setup.ShipAsync([Line(setup, "TZ-BLU", 0)], null);
        var unknownSku = await setup.ShipAsync([new ShipmentLineRequest(null, "NON-ESISTE", 1)], null);
        var badUrl = await setup.ShipAsync([], null, "GLS", "123", "ftp://example.it/x");

        Assert.Contains("quantity 0", zero.Error, StringComparison.Ordinal);
        Assert.Contains("NON-ESISTE", unknownSku.Error, StringComparison.Ordinal);
        Assert.Contains("ftp://example.it/x", badUrl.Error, StringComparison.Ordinal);
        await using var db = setup.CreateDbContext();
        Assert.Equal(0, await db.Shipments.CountAsync());
    }

    [Fact]
    public async Task OrderEditReservesAndReleases()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 3), ("TZ-ROSSA", 1));
        var edit = OrderEdit(9001, setup.ExternalId, additions: [(2, 2)], removals: [(1, 2)]);

        await setup.ProcessAsync(ShopifyTopics.OrdersEdited, edit);
        await setup.ProcessAsync(ShopifyTopics.OrdersEdited, edit);

        await using var db = setup.CreateDbContext();
        var blue = await db.InventoryLevels.SingleAsync(l => l.VariantId == setup.Shop.VariantIds["TZ-BLU"]);
        var red = await db.InventoryLevels.SingleAsync(l => l.VariantId == setup.Shop.VariantIds["TZ-ROSSA"]);
        Assert.Equal(1, blue.Reserved);
        Assert.Equal(3, red.Reserved);
        var lines = await db.OrderLines.OrderBy(l => l.ExternalId).ToListAsync();
        Assert.Equal(1, lines[0].CurrentQuantity);
        Assert.Equal(3, lines[1].CurrentQuantity);
        Assert.Equal(1, await db.OrderEvents.CountAsync(e => e.Kind == "edit:9001"));
        Assert.Equal(1, await db.InventoryMovements.CountAsync(m => m.Reason == MovementReason.ReservationRelease));
        Assert.Equal(-2, await db.InventoryMovements.Where(m => m.Reason == MovementReason.ReservationRelease).SumAsync(m => m.ReservedDelta));
    }

    [Fact]
    public async Task EditedLineArrivedFirstNotReservedTwice()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 1), ("TZ-ROSSA", 0));
        var later = Placed.AddMinutes(30);
        await setup.ProcessAsync(ShopifyTopics.OrdersUpdated, ShopifyOrderJson.Create(setup.ExternalId, Placed, later,
            "paid", [new TestLine(1, "TZ-BLU", 1), new TestLine(3, "TZ-ROSSA", 2)]));

        await setup.ProcessAsync(ShopifyTopics.OrdersEdited, OrderEdit(9002, setup.ExternalId, additions: [(3, 2)], removals: []));

        await using var db = setup.CreateDbContext();
        var red = await db.InventoryLevels.SingleAsync(l => l.VariantId == setup.Shop.VariantIds["TZ-ROSSA"]);
        Assert.Equal(2, red.Reserved);
        var added = await db.OrderLines.SingleAsync(l => l.ExternalId == 3);
        Assert.True(added.AddedAfterCreation);
        Assert.Equal(2, added.CurrentQuantity);
    }

    [Theory]
    [InlineData("cancel", false, 1, 2)]
    [InlineData("no_restock", false, 1, 2)]
    [InlineData("legacy_restock", false, 1, 2)]
    [InlineData("return", false, 3, 0)]
    [InlineData("no_restock", true, 3, 0)]
    public async Task RefundRestockTypes(string restockType, bool lineFulfilled, int reservedAfter, int refundedUnshipped)
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 3));

        await setup.ProcessAsync(ShopifyTopics.RefundsCreate,
            Refund(7201, setup.ExternalId, (1, 2, restockType), lineFulfilled ? "fulfilled" : null));

        await using var db = setup.CreateDbContext();
        var level = await db.InventoryLevels.SingleAsync();
        var line = await db.OrderLines.SingleAsync();
        Assert.Equal(10, level.OnHand);
        Assert.Equal(reservedAfter, level.Reserved);
        Assert.Equal(2, line.RefundedQuantity);
        Assert.Equal(refundedUnshipped, line.RefundedUnshippedQuantity);
    }

    [Fact]
    public async Task LegacyRestockSplitsShippedUnits()
    {
        await using var setup = await OrderSetup.StartAsync(("TZ-BLU", 3));
        await setup.ShipAsync([Line(setup, "TZ-BLU", 2)], null);

        await setup.ProcessAsync(ShopifyTopics.RefundsCreate, Refund(7202, setup.ExternalId, (1, 2, "legacy_restock"), "partial"));

        await using var db = setup.CreateDbContext();
        var level = await db.InventoryLevels.SingleAsync();
        var line = await db.OrderLines.SingleAsync();
        Assert.Equal(0, level.Reserved);
        Assert.Equal(8, level.OnHand);
        Assert.Equal(1, line.RefundedUnshippedQuantity);
        Assert.Equal(0, line.RemainingToShip);
    }

    private static ShipmentLineRequest Line(OrderSetup setup, string sku, int quantity) => new(null, sku, quantity);

    internal static string Refund(long id, long orderId, (long LineId, int Quantity, string RestockType) line,
        string? fulfillmentStatus = null) =>
        JsonSerializer.Serialize(new
        {
            id,
            order_id = orderId,
            refund_line_items = new[]
            {
                new
                {
                    id = id * 10,
                    quantity = line.Quantity,
                    line_item_id = line.LineId,
                    restock_type = line.RestockType,
                    line_item = new { id = line.LineId, fulfillment_status = fulfillmentStatus },
                },
            },
        });

    internal static string OrderEdit(long id, long orderId, (long LineId, int Delta)[] additions,
        (long LineId, int Delta)[] removals) =>
        JsonSerializer.Serialize(new
        {
            order_edit = new
            {
                id,
                order_id = orderId,
                notify_customer = false,
                line_items = new
                {
                    additions = additions.Select(a => new { id = a.LineId, delta = a.Delta }),
                    removals = removals.Select(r => new { id = r.LineId, delta = r.Delta }),
                },
            },
        });

    /// <summary>A SQLite database with a shop of 10 units per SKU and one paid order of the given lines.</summary>
    internal sealed class OrderSetup : IAsyncDisposable
    {
        private OrderSetup(TestDatabase database, FakeTimeProvider clock, IngestionHost host, TestShop shop)
        {
            Database = database;
            Clock = clock;
            Host = host;
            Shop = shop;
        }

        public TestDatabase Database { get; }

        public FakeTimeProvider Clock { get; }

        public IngestionHost Host { get; }

        public TestShop Shop { get; }

        public long ExternalId { get; } = 5001;

        public Guid OrderId { get; private set; }

        /// <summary>Creates the order; line item ids are 1, 2, … in the order of <paramref name="lines"/>.</summary>
        public static async Task<OrderSetup> StartAsync(params (string Sku, int Quantity)[] lines)
        {
            var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddHours(1)));
            var host = new IngestionHost(database, clock);
            TestShop shop;
            await using (var db = database.CreateDbContext())
            {
                shop = await ShopTestData.SeedAsync(db, lines.Select(l => l.Sku), 10);
            }

            var setup = new OrderSetup(database, clock, host, shop);
            var testLines = lines.Select((l, i) => new TestLine(i + 1, l.Sku, l.Quantity)).Where(l => l.Quantity > 0);
            await setup.ProcessAsync(ShopifyTopics.OrdersCreate,
                ShopifyOrderJson.Create(setup.ExternalId, Placed, Placed, "paid", testLines));
            await using (var db = database.CreateDbContext())
            {
                setup.OrderId = await db.Orders.Select(o => o.Id).SingleAsync();
            }

            return setup;
        }

        public HubDbContext CreateDbContext() => Database.CreateDbContext();

        public async Task ProcessAsync(string topic, string body)
        {
            var id = await Host.EnqueueAsync(Shop.ChannelId, topic, body, Clock.GetUtcNow().UtcDateTime);
            await Host.Processor.ProcessAsync(id, CancellationToken.None);
        }

        public async Task<ShipmentResult> ShipAsync(IReadOnlyList<ShipmentLineRequest> lines, string? reference,
            string? carrier = "BRT", string? tracking = null, string? trackingUrl = null)
        {
            await using var db = CreateDbContext();
            var service = new OrderShippingService(db, new StockLedger(db, Clock), Clock,
                NullLogger<OrderShippingService>.Instance);
            return await service.ShipAsync(new ShipmentRequest(OrderId, lines, carrier, tracking, trackingUrl,
                Shop.WarehouseId, "magazzino@example.it", reference), CancellationToken.None);
        }

        public async Task<OrderStatus> StatusAsync()
        {
            await using var db = CreateDbContext();
            return await db.Orders.Select(o => o.Status).SingleAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
