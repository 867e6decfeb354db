using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Tests.Webhooks;

public sealed class ShopifySignatureTests : IAsyncLifetime
{
    // 282 bytes of UTF-8, no trailing newline, with '&', an en dash, 'è' and an id above 2^53.
    private const string Body =
        "{\"id\":820982911946154508,\"name\":\"#9001\",\"email\":\"giulia.bianchi@example.it\","
        + "\"created_at\":\"2025-06-30T22:30:00Z\",\"updated_at\":\"2025-06-30T22:30:00Z\",\"currency\":\"EUR\","
        + "\"total_price\":\"24.50\","
        + "\"note\":\"Consegna dopo le 18 – citofono Bianchi & Figli, scala è, interno 4\","
        + "\"line_items\":[]}";

    // Computed once outside the code under test:
    // printf '%s' "$BODY" | openssl dgst -sha256 -hmac fixture-secret-4f9a2c -binary | base64
    private const string ExpectedHeader = "vlI/LfNGK3THe0UAwhfkZWoXtEVHiBWbOawab4erSB0=";

    // The same digest as lowercase hex, as `openssl dgst -hex` prints it.
    private const string HexDigest = "be523f2df3462b74c77b4500c217e4656a17b4454788159b39ac1a6f87ab481d";

    private readonly WebhookTestApp app = new(processing: false);
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

    [Fact]
    public void FixtureHasExpectedShape()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        Assert.Equal(282, bytes.Length);
        Assert.NotEqual((byte)'\n', bytes[^1]);
        Assert.Equal(ExpectedHeader, ShopifyWebhookSignature.Compute(WebhookTestApp.Secret, bytes));
    }

    [Fact]
    public async Task AcceptsOpensslSignature()
    {
        var response = await PostAsync("sig-ok", Encoding.UTF8.GetBytes(Body), ExpectedHeader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var message = await db.InboxMessages.SingleAsync(m => m.WebhookId == "sig-ok");
        Assert.Equal(Body, message.Body);
        Assert.Equal("orders/create", message.Topic);
        Assert.Equal("2025-07", message.ApiVersion);
        Assert.Equal("event-sig-ok", message.EventId);
        Assert.Equal(new DateTime(2025, 7, 1, 8, 0, 0, 123, DateTimeKind.Utc), message.TriggeredAt);
    }

    [Fact]
    public async Task IdSurvivesAsExactLong()
    {
        await PostAsync("sig-id", Encoding.UTF8.GetBytes(Body), ExpectedHeader);
        var processor = app.Services.GetRequiredService<InboxProcessor>();
        await processor.ProcessDueAsync(CancellationToken.None);

        await using var db = app.CreateDbContext();
        var message = await db.InboxMessages.SingleAsync(m => m.WebhookId == "sig-id");
        Assert.Equal(InboxStatus.Processed, message.Status);
        var order = await db.Orders.SingleAsync(o => o.Id == message.OrderId);
        Assert.Equal(820982911946154508L, order.ExternalId);
        Assert.Equal("Consegna dopo le 18 – citofono Bianchi & Figli, scala è, interno 4", order.Note);
        Assert.Equal(24.50m, order.TotalPrice);
    }

    [Fact]
    public async Task AcceptsPreviousSecret()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var header = ShopifyWebhookSignature.Compute(WebhookTestApp.PreviousSecret, bytes);

        var response = await PostAsync("sig-previous", bytes, header);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.WebhookId == "sig-previous"));
    }

    [Fact]
    public async Task RejectsOtherSecret()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var header = ShopifyWebhookSignature.Compute("another-secret-0000", bytes);
        await AssertRejectedAsync(bytes, header);
    }

    [Fact]
    public async Task RejectsOneChangedByte()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        bytes[Array.IndexOf(bytes, (byte)'&')] = (byte)'+';
        await AssertRejectedAsync(bytes, ExpectedHeader);
    }

    [Fact]
    public async Task RejectsHexEncodedSignature() =>
        await AssertRejectedAsync(Encoding.UTF8.GetBytes(Body), HexDigest);

    [Fact]
    public async Task RejectsInvalidBase64() =>
        await AssertRejectedAsync(Encoding.UTF8.GetBytes(Body), "not base64 at all!");

    [Fact]
    public async Task RejectsReserializedBody()
    {
        var reserialized = JsonNode.Parse(Body)!.ToJsonString();
        Assert.NotEqual(Body, reserialized);
        await AssertRejectedAsync(Encoding.UTF8.GetBytes(reserialized), ExpectedHeader);
    }

    [Fact]
    public async Task RejectsUnknownShop()
    {
        var response = await WebhookTestApp.PostAsync(
            client, "orders/create", "sig-unknown", Encoding.UTF8.GetBytes(Body), ExpectedHeader,
            "another-shop.myshopify.com");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.InboxMessages.CountAsync());
    }

    [Fact]
    public async Task ShopDomainIgnoresCase()
    {
        var response = await WebhookTestApp.PostAsync(
            client, "orders/create", "sig-case", Encoding.UTF8.GetBytes(Body), ExpectedHeader,
            "Bottega-Test.MyShopify.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string webhookId, byte[] body, string header) =>
        WebhookTestApp.PostAsync(client, "orders/create", webhookId, body, header);

    private async Task AssertRejectedAsync(byte[] body, string header)
    {
        var webhookId = "sig-" + Guid.NewGuid();
        var response = await PostAsync(webhookId, body, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.InboxMessages.CountAsync(m => m.WebhookId == webhookId));
    }
}
