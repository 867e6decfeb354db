using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Queries;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Tests.Orders;

public class OrderBulkActionTests
{
    private static readonly DateTime Placed = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task BulkActionsReportPerOrder()
    {
        await using var setup = await OrderShippingTests.OrderSetup.StartAsync(("TZ-BLU", 1));
        await setup.ProcessAsync(ShopifyTopics.OrdersCreate,
            ShopifyOrderJson.Create(5002, Placed.AddMinutes(5), Placed.AddMinutes(5), "paid", [new TestLine(9, "TZ-BLU", 2)]));
        var second = await OrderIdAsync(setup, 5002);
        await setup.ShipAsync([], null);
        var ids = new[] { setup.OrderId, second };

        var tagged = await ApplyAsync(setup, OrderAction.AddTag, ids, "  Urgente ");
        var started = await ApplyAsync(setup, OrderAction.StartFulfillment, ids, null);
        var delivered = await ApplyAsync(setup, OrderAction.MarkDelivered, ids, null);
        var closed = await ApplyAsync(setup, OrderAction.Close, ids, null);
        var cancelled = await ApplyAsync(setup, OrderAction.Cancel, ids, "doppio", OrderCancelReason.Staff);

        Assert.All(tagged, o => Assert.True(o.Changed));
        Assert.Contains("Shipped", started[0].Error, StringComparison.Ordinal);
        Assert.True(started[1].Changed);
        Assert.True(delivered[0].Changed);
        Assert.Contains("before every line has shipped", delivered[1].Error, StringComparison.Ordinal);
        Assert.True(closed[0].Changed);
        Assert.Contains("only a shipped or delivered order can be closed", closed[1].Error, StringComparison.Ordinal);
        Assert.Contains("can no longer be cancelled", cancelled[0].Error, StringComparison.Ordinal);
        Assert.True(cancelled[1].Changed);
        await using var db = setup.CreateDbContext();
        Assert.Equal(2, await db.OrderTags.CountAsync(t => t.Name == "urgente"));
        var orders = await db.Orders.ToDictionaryAsync(o => o.Id);
        Assert.Equal(OrderStatus.Closed, orders[setup.OrderId].Status);
        Assert.Equal(OrderStatus.Cancelled, orders[second].Status);
        Assert.Equal("Staff: doppio", orders[second].CancelReason);
        Assert.Equal(0, await db.Reservations.Where(r => r.Status == ReservationStatus.Open).SumAsync(r => r.Quantity));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Topic == OrderChannelTopics.OrderCancelPush));
        Assert.Equal(2, await db.OrderEvents.CountAsync(e => e.Kind == "user:AddTag"));
    }

    [Fact]
    public async Task InvalidTagAndMissingReasonNamed()
    {
        await using var setup = await OrderShippingTests.OrderSetup.StartAsync(("TZ-BLU", 1));

        var tag = await ApplyAsync(setup, OrderAction.AddTag, [setup.OrderId], new string('x', 41));
        var cancel = await ApplyAsync(setup, OrderAction.Cancel, [setup.OrderId], null);

        Assert.Contains(new string('x', 41), tag[0].Error, StringComparison.Ordinal);
        Assert.Contains("choose a cancellation reason", cancel[0].Error, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Paid, await setup.StatusAsync());
    }

    [Fact]
    public async Task QueueAndPickListSumPerSku()
    {
        await using var setup = await OrderShippingTests.OrderSetup.StartAsync(("TZ-BLU", 2), ("TZ-ROSSA", 1));
        await setup.ProcessAsync(ShopifyTopics.OrdersCreate,
            ShopifyOrderJson.Create(5003, Placed.AddMinutes(5), Placed.AddMinutes(5), "paid", [new TestLine(7, "TZ-BLU", 3)]));
        await using var db = setup.CreateDbContext();
        var queries = new FulfillmentQueries(db);

        var firstPage = await queries.GetQueueAsync(setup.Shop.WarehouseId, 0, 1, CancellationToken.None);
        var secondPage = await queries.GetQueueAsync(setup.Shop.WarehouseId, 1, 1, CancellationToken.None);
        var ids = new[] { firstPage.Rows[0].OrderId, secondPage.Rows[0].OrderId };
        var pick = await queries.GetPickListAsync(setup.Shop.WarehouseId, ids, CancellationToken.None);

        Assert.Equal(2, firstPage.Total);
        Assert.Equal(setup.OrderId, firstPage.Rows[0].OrderId);
        Assert.Equal(3, firstPage.Rows[0].ReservedUnits);
        Assert.Equal(3, secondPage.Rows[0].ReservedUnits);
        Assert.Equal(5, pick.Totals.Single(l => l.Sku == "TZ-BLU").Quantity);
        Assert.Equal(1, pick.Totals.Single(l => l.Sku == "TZ-ROSSA").Quantity);
        Assert.Equal(2, pick.Orders.Count);
        Assert.Equal(2, pick.Orders[0].Lines.Single(l => l.Sku == "TZ-BLU").Quantity);
    }

    private static async Task<Guid> OrderIdAsync(OrderShippingTests.OrderSetup setup, long externalId)
    {
        await using var db = setup.CreateDbContext();
        return await db.Orders.Where(o => o.ExternalId == externalId).Select(o => o.Id).SingleAsync();
    }

    private static async Task<IReadOnlyList<OrderActionOutcome>> ApplyAsync(OrderShippingTests.OrderSetup setup,
        OrderAction action, Guid[] ids, string? argument, OrderCancelReason? reason = null)
    {
        await using var db = setup.CreateDbContext();
        var service = new OrderWorkflowService(db, new StockLedger(db, setup.Clock), setup.Clock);
        return await service.ApplyAsync(action, ids, "admin@example.it", argument, reason, refund: false,
            CancellationToken.None);
    }
}
