using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Orders;

namespace Sintra.Hub.Tests.Webhooks;

public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private static readonly DateTime Placed = new(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly WebhookTestApp app = new(processing: false, settings: new Dictionary<string, string?>
    {
        ["Inbox:MaxBodyBytes"] = "4096",
    });

    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = app.CreateClient();
        await app.SeedShopAsync(["0001234"], onHand: 5);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("X-Shopify-Topic")]
    [InlineData("X-Shopify-Hmac-Sha256")]
    [InlineData("X-Shopify-Shop-Domain")]
    [InlineData("X-Shopify-Webhook-Id")]
    public async Task MissingHeaderNamedInProblem(string header)
    {
        var body = "{}"u8.ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify");
        request.Content = new ByteArrayContent(body);
        var headers = new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = "orders/create",
            ["X-Shopify-Hmac-Sha256"] = ShopifyWebhookSignature.Compute(WebhookTestApp.Secret, body),
            ["X-Shopify-Shop-Domain"] = ShopTestData.ShopDomain,
            ["X-Shopify-Webhook-Id"] = "missing-header",
        };
        headers.Remove(header);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains(header, problem!.Detail);
        await AssertInboxCountAsync(0);
    }

    [Fact]
    public async Task OversizedHeaderRejected()
    {
        var body = ShopifyOrderJson.Create(5003, Placed, Placed, "pending", [new TestLine(1, "0001234", 1)]);

        var response = await app.PostAsync(client, ShopifyTopics.OrdersCreate, new string('w', 129), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("X-Shopify-Webhook-Id is longer than 128", problem!.Detail);
        await AssertInboxCountAsync(0);
    }

    [Fact]
    public async Task DuplicateAnsweredOkAndCounted()
    {
        var body = ShopifyOrderJson.Create(5001, Placed, Placed, "pending", [new TestLine(1, "0001234", 1)]);

        var first = await app.PostAsync(client, ShopifyTopics.OrdersCreate, "dup-1", body);
        var second = await app.PostAsync(client, ShopifyTopics.OrdersCreate, "dup-1", body);
        var third = await app.PostAsync(client, ShopifyTopics.OrdersCreate, "dup-1", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        await using var db = app.CreateDbContext();
        var message = await db.InboxMessages.SingleAsync();
        Assert.Equal(2, message.DuplicateCount);
        Assert.NotNull(message.LastDuplicateAt);
        Assert.Equal(InboxStatus.Pending, message.Status);
    }

    [Fact]
    public async Task InactiveChannelDeliveryKeptIgnored()
    {
        await using (var db = app.CreateDbContext())
        {
            await db.Channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false));
        }

        var body = ShopifyOrderJson.Create(5002, Placed, Placed, "pending", [new TestLine(1, "0001234", 1)]);
        var response = await app.PostAsync(client, ShopifyTopics.OrdersCreate, "inactive-1", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = app.CreateDbContext();
        var message = await check.InboxMessages.SingleAsync();
        Assert.Equal(InboxStatus.Ignored, message.Status);
        Assert.Contains("inactive", message.LastError, StringComparison.Ordinal);
        Assert.Equal(body, message.Body);
    }

    [Fact]
    public async Task BadSignatureLeavesInboxEmpty()
    {
        var body = ShopifyOrderJson.Create(5002, Placed, Placed, "pending", [new TestLine(1, "0001234", 1)]);

        var response = await app.PostAsync(client, ShopifyTopics.OrdersCreate, "bad-1", body, "wrong-secret-123456");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertInboxCountAsync(0);
    }

    [Fact]
    public async Task OversizedBodyGets413()
    {
        var body = Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 5000) + "\"}");
        var header = ShopifyWebhookSignature.Compute(WebhookTestApp.Secret, body);

        var response = await WebhookTestApp.PostAsync(client, ShopifyTopics.OrdersCreate, "big-1", body, header);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertInboxCountAsync(0);
    }

    [Fact]
    public async Task InvalidUtf8BodyRejected()
    {
        byte[] body = [.. "{\"note\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        var header = ShopifyWebhookSignature.Compute(WebhookTestApp.Secret, body);

        var response = await WebhookTestApp.PostAsync(client, ShopifyTopics.OrdersCreate, "utf8-1", body, header);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertInboxCountAsync(0);
    }

    [Fact]
    public async Task UnknownTopicStoredThenIgnored()
    {
        var response = await app.PostAsync(client, "products/update", "topic-1", "{\"id\":1}");
        var processor = app.Services.GetRequiredService<InboxProcessor>();
        await processor.ProcessDueAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var message = await db.InboxMessages.SingleAsync();
        Assert.Equal(InboxStatus.Ignored, message.Status);
    }

    private async Task AssertInboxCountAsync(int expected)
    {
        await using var db = app.CreateDbContext();
        Assert.Equal(expected, await db.InboxMessages.CountAsync());
    }
}
