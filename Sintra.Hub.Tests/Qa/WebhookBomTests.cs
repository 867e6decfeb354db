using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Orders;
using Sintra.Hub.Tests.Webhooks;

namespace Sintra.Hub.Tests.Qa;

public sealed class WebhookBomTests
{
    private static readonly DateTime Placed = new(2026, 6, 2, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task BodyWithByteOrderMarkIsProcessed()
    {
        using var app = new WebhookTestApp(processing: false);
        using var client = app.CreateClient();
        await app.SeedShopAsync(["0001234"], onHand: 5);
        var json = ShopifyOrderJson.Create(5151, Placed, Placed, "paid", [new TestLine(1, "0001234", 2)]);
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];
        var header = ShopifyWebhookSignature.Compute(WebhookTestApp.Secret, body);

        var response = await WebhookTestApp.PostAsync(client, ShopifyTopics.OrdersCreate, "bom-1", body, header);
        await app.Services.GetRequiredService<InboxProcessor>().ProcessDueAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var message = await db.InboxMessages.SingleAsync();
        Assert.Equal(InboxStatus.Processed, message.Status);
        Assert.Null(message.LastError);
        var order = await db.Orders.Include(o => o.Lines).SingleAsync();
        Assert.Equal(5151, order.ExternalId);
        Assert.Equal(2, Assert.Single(order.Lines).Quantity);
    }
}
