using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Orders;

namespace Sintra.Hub.Tests.Webhooks;

/// <summary>
/// Shopify delivers out of order and more than once: an update that arrives before the create, then the create,
/// then the update again.
/// </summary>
public sealed class OrderSequenceTests : IAsyncLifetime
{
    private const string Sku = "0001234";
    private const long OrderId = 6_101_234_567_890_123_456;

    // 00:30 on 1 July in Rome (UTC+2 in summer), so the business date differs from the UTC date.
    private static readonly DateTime Created = new(2025, 6, 30, 22, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Updated = new(2025, 6, 30, 23, 10, 0, DateTimeKind.Utc);

    private static readonly string UpdatedBody = ShopifyOrderJson.Create(
        OrderId, Created, Updated, "paid", [new TestLine(7_101_234_567_890_123_456, Sku, 2)]);

    private static readonly string CreateBody = ShopifyOrderJson.Create(
        OrderId, Created, Created, "pending", [new TestLine(7_101_234_567_890_123_456, Sku, 2)]);

    private readonly WebhookTestApp app = new(processing: false);
    private HttpClient client = null!;
    private TestShop shop = null!;

    public async Task InitializeAsync()
    {
        client = app.CreateClient();
        shop = await app.SeedShopAsync([Sku], onHand: 10);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UpdateCreateDuplicateInSequence()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostUpdatedAsync()).StatusCode);
        await ProcessAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostCreateAsync()).StatusCode);
        await ProcessAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostUpdatedAsync()).StatusCode);
        await ProcessAsync();

        await AssertOneOrderPaidAndReservedAsync();
        await using var db = app.CreateDbContext();
        var create = await db.InboxMessages.SingleAsync(m => m.WebhookId == "seq-create");
        var stale = await db.OrderEvents.SingleAsync(e => e.Kind == "skipped:stale");
        Assert.Equal(create.Id, stale.InboxMessageId);
        Assert.Equal(InboxStatus.Processed, create.Status);
    }

    [Fact]
    public async Task FirstAndThirdPostedTogether()
    {
        var responses = await Task.WhenAll(PostUpdatedAsync(), PostUpdatedAsync());
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await PostCreateAsync()).StatusCode);
        await ProcessAsync();

        await AssertOneOrderPaidAndReservedAsync();
    }

    private Task<HttpResponseMessage> PostUpdatedAsync() =>
        app.PostAsync(client, ShopifyTopics.OrdersUpdated, "seq-updated", UpdatedBody);

    private Task<HttpResponseMessage> PostCreateAsync() =>
        app.PostAsync(client, ShopifyTopics.OrdersCreate, "seq-create", CreateBody);

    private Task<int> ProcessAsync() =>
        app.Services.GetRequiredService<InboxProcessor>().ProcessDueAsync(CancellationToken.None);

    private async Task AssertOneOrderPaidAndReservedAsync()
    {
        await using var db = app.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync();
        Assert.Equal(OrderId, order.ExternalId);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("paid", order.FinancialStatus);
        Assert.Equal(Created, order.PlacedAt);
        Assert.Equal(Updated, order.ChannelUpdatedAt);
        Assert.Equal(new DateOnly(2025, 7, 1), order.BusinessDate);

        var line = Assert.Single(order.Lines);
        Assert.Equal(Sku, line.Sku);
        Assert.Equal(shop.VariantIds[Sku], line.VariantId);
        var reservation = Assert.Single(await db.Reservations.ToListAsync());
        Assert.Equal(2, reservation.Quantity);
        Assert.Equal(line.Id, reservation.OrderLineId);
        var level = await db.InventoryLevels.SingleAsync();
        Assert.Equal(2, level.Reserved);

        var messages = await db.InboxMessages.ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.Equal(1, messages.Single(m => m.WebhookId == "seq-updated").DuplicateCount);
        Assert.Equal(0, messages.Single(m => m.WebhookId == "seq-create").DuplicateCount);
        Assert.All(messages, m => Assert.Equal(InboxStatus.Processed, m.Status));
        Assert.All(messages, m => Assert.Equal(order.Id, m.OrderId));
    }
}
