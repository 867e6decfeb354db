using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Orders;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Tests.StockSync;

public sealed class FulfillmentPushTests
{
    private const long OrderExternalId = 820001;
    private const long LineItemId = 930001;

    [Fact]
    public async Task PushSendsTrackingToShop()
    {
        await using var harness = await StartAsync();
        var order = await AddOrderAsync(harness, quantity: 3);

        var shipped = await ShipAsync(harness, order, 2);
        await harness.ProcessOutboxAsync();

        var fulfillment = Assert.Single(harness.Shop.Fulfillments);
        Assert.Equal(OrderExternalId, fulfillment.OrderId);
        Assert.Equal([(LineItemId, 2)], fulfillment.Lines);
        Assert.Equal("BRT", fulfillment.TrackingCompany);
        Assert.Equal("BRT-0042", fulfillment.TrackingNumber);
        Assert.Equal("https://tracking.example.it/BRT-0042", fulfillment.TrackingUrl);
        Assert.False(fulfillment.NotifyCustomer);
        var row = await PushRowAsync(harness);
        Assert.Equal(OutboxStatus.Done, row.Status);
        await using var db = harness.CreateDbContext();
        var shipment = await db.Shipments.SingleAsync(s => s.Id == shipped.ShipmentId);
        Assert.Equal(long.Parse(fulfillment.Id.Split('/')[^1]), shipment.ChannelFulfillmentId);
        Assert.Equal(1, await db.OrderEvents.CountAsync(e => e.Kind == "push:fulfillment"));
    }

    [Fact]
    public async Task UserErrorsFailPushRow()
    {
        await using var harness = await StartAsync();
        var order = await AddOrderAsync(harness, quantity: 1);
        harness.Shop.RejectNextFulfillment("Location is not active.");

        await ShipAsync(harness, order, 1);
        await harness.ProcessOutboxAsync();

        var row = await PushRowAsync(harness);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("Location is not active.", row.LastError, StringComparison.Ordinal);
        Assert.Contains("#8201", row.LastError, StringComparison.Ordinal);
        Assert.Empty(harness.Shop.Fulfillments);
    }

    [Fact]
    public async Task ClosedFulfillmentOrderFailsRow()
    {
        await using var harness = await StartAsync();
        var order = await AddOrderAsync(harness, quantity: 1);
        harness.Shop.AddOrder(OrderExternalId, harness.Location.Id, (LineItemId, 1)).Status = "CLOSED";

        await ShipAsync(harness, order, 1);
        await harness.ProcessOutboxAsync();

        var row = await PushRowAsync(harness);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("nothing left to fulfill on Shopify", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EchoedFulfillmentShipsOnce()
    {
        await using var harness = await StartAsync();
        var order = await AddOrderAsync(harness, quantity: 2);
        await ShipAsync(harness, order, 2);
        await harness.ProcessOutboxAsync();
        var fulfillmentId = long.Parse(Assert.Single(harness.Shop.Fulfillments).Id.Split('/')[^1]);

        var handled = await HandleWebhookAsync(harness, ShopifyTopics.FulfillmentsCreate,
            System.Text.Json.JsonSerializer.Serialize(new
            {
                id = fulfillmentId,
                order_id = OrderExternalId,
                status = "success",
                tracking_company = "BRT",
                tracking_number = "BRT-0042",
                line_items = new[] { new { id = LineItemId, quantity = 2 } },
            }));

        Assert.Equal(InboxStatus.Processed, handled.Status);
        await using var db = harness.CreateDbContext();
        Assert.Equal(1, await db.InventoryMovements.CountAsync(m => m.Reason == MovementReason.Shipment));
        Assert.Equal(8, (await db.InventoryLevels.SingleAsync()).OnHand);
        Assert.Equal(2, (await db.OrderLines.SingleAsync()).ShippedQuantity);
        var echo = await db.OrderEvents.SingleAsync(e => e.Kind == $"fulfillment:{fulfillmentId}");
        Assert.Contains("nothing shipped again", echo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EchoBeforePushRetries()
    {
        await using var harness = await StartAsync();
        var order = await AddOrderAsync(harness, quantity: 1);
        await ShipAsync(harness, order, 1);

        var early = HandleWebhookAsync(harness, ShopifyTopics.FulfillmentsCreate,
            System.Text.Json.JsonSerializer.Serialize(new
            {
                id = 5550001,
                order_id = OrderExternalId,
                status = "success",
                line_items = new[] { new { id = LineItemId, quantity = 1 } },
            }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => early);
        Assert.Contains("waits until the hub's own fulfillment push finishes", error.Message, StringComparison.Ordinal);
        await using var db = harness.CreateDbContext();
        Assert.Equal(1, await db.InventoryMovements.CountAsync(m => m.Reason == MovementReason.Shipment));
    }

    [Fact]
    public async Task CancelPushedWithReason()
    {
        await using var harness = await StartAsync();
        var order = await AddOrderAsync(harness, quantity: 2);

        var outcomes = await harness.InScopeAsync(services => services.GetRequiredService<OrderWorkflowService>()
            .ApplyAsync(OrderAction.Cancel, [order.Id], "admin@example.it", "cliente ha cambiato idea",
                OrderCancelReason.Customer, refund: true, CancellationToken.None));
        await harness.ProcessOutboxAsync();

        Assert.True(Assert.Single(outcomes).Changed);
        var cancellation = Assert.Single(harness.Shop.Cancellations);
        Assert.Equal(OrderExternalId, cancellation.OrderId);
        Assert.Equal("CUSTOMER", cancellation.Reason);
        Assert.False(cancellation.Restock);
        Assert.True(cancellation.Refund);
        Assert.False(cancellation.NotifyCustomer);
        Assert.Equal("cliente ha cambiato idea", cancellation.StaffNote);
        await using var db = harness.CreateDbContext();
        Assert.Equal(0, (await db.InventoryLevels.SingleAsync()).Reserved);
        var row = await db.OutboxMessages.SingleAsync(m => m.Topic == OrderChannelTopics.OrderCancelPush);
        Assert.Equal(OutboxStatus.Done, row.Status);
        Assert.Equal(OrderStatus.Cancelled, (await db.Orders.SingleAsync()).Status);
    }

    private static Task<StockSyncHarness> StartAsync() =>
        StockSyncHarness.StartAsync(configure: services => services.AddOrderWorkflow());

    /// <summary>Adds a paid order of one line with all units reserved, and the same order to the fake shop.</summary>
    private static async Task<Order> AddOrderAsync(StockSyncHarness harness, int quantity)
    {
        var variant = (await harness.AddVariantsAsync(10, null, "GL-42")).Single();
        harness.Shop.AddOrder(OrderExternalId, harness.Location.Id, (LineItemId, quantity));
        return await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<HubDbContext>();
            var line = new OrderLine
            {
                ExternalId = LineItemId,
                Sku = variant.Sku,
                Title = "Giacca di lino",
                Quantity = quantity,
                VariantId = variant.Id,
            };
            var order = new Order
            {
                ChannelId = harness.Channel.Id,
                ExternalId = OrderExternalId,
                Name = "#8201",
                Currency = "EUR",
                PresentmentCurrency = "EUR",
            };
            order.Lines.Add(line);
            order.MarkPaid();
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            await services.GetRequiredService<StockLedger>().ReserveAsync(line.Id, variant.Id, harness.Warehouse.Id,
                quantity, new StockReference(StockReferenceTypes.Order, order.Id.ToString(), "test"),
                CancellationToken.None);
            await db.SaveChangesAsync();
            return order;
        });
    }

    private static async Task<ShipmentResult> ShipAsync(StockSyncHarness harness, Order order, int quantity)
    {
        var result = await harness.InScopeAsync(services => services.GetRequiredService<IOrderShipping>().ShipAsync(
            new ShipmentRequest(order.Id, [new ShipmentLineRequest(null, "GL-42", quantity)], "BRT", "BRT-0042",
                "https://tracking.example.it/BRT-0042", harness.Warehouse.Id, "magazzino@example.it"),
            CancellationToken.None));
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    private static Task<InboxHandling> HandleWebhookAsync(StockSyncHarness harness, string topic, string body) =>
        harness.InScopeAsync(services => services.GetRequiredService<InboxMessageHandler>().HandleAsync(
            new InboxMessage
            {
                Source = ShopifyTopics.Source,
                WebhookId = Guid.NewGuid().ToString(),
                ChannelId = harness.Channel.Id,
                ShopDomain = harness.Channel.ShopDomain,
                Topic = topic,
                Body = body,
            },
            CancellationToken.None));

    private static async Task<OutboxMessage> PushRowAsync(StockSyncHarness harness)
    {
        await using var db = harness.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Topic == OrderChannelTopics.FulfillmentPush);
    }
}
