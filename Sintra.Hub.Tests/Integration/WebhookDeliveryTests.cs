using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Integration;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Integration;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task DeliverySignedAndVerifiable()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.WebhooksManage);
        var secret = await SubscribeAsync(client, receiver.Url, WebhookEvents.OrderCreated);
        var orderId = await AddOrderEventAsync(app);

        await app.ProcessOutboxUntilAsync(() => Task.FromResult(!receiver.Requests.IsEmpty));

        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(secret, request.Body, request.Headers["X-Sintra-Signature"]));
        Assert.False(WebhookSignature.Verify(secret + "x", request.Body, request.Headers["X-Sintra-Signature"]));
        Assert.Equal(WebhookEvents.OrderCreated, request.Headers["X-Sintra-Event"]);
        Assert.True(long.TryParse(request.Headers["X-Sintra-Timestamp"], out _));
        var body = JsonDocument.Parse(Encoding.UTF8.GetString(request.Body)).RootElement;
        Assert.Equal("order.created", body.GetProperty("type").GetString());
        Assert.Equal(orderId, body.GetProperty("data").GetProperty("id").GetGuid());

        await app.ProcessOutboxUntilAsync(async () => (await DeliveryAsync(app)).Status == WebhookDeliveryStatus.Delivered);
        var delivery = await DeliveryAsync(app);
        Assert.Equal(request.Headers["X-Sintra-Delivery"], delivery.Id.ToString());
        Assert.Equal(200, delivery.LastStatusCode);
        Assert.Equal("response 200", delivery.LastResponse);
    }

    [Fact]
    public async Task FailingReceiverRetriedWithSameDeliveryId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500, 503);
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.WebhooksManage);
        await SubscribeAsync(client, receiver.Url, WebhookEvents.OrderCreated);
        await AddOrderEventAsync(app);

        await app.ProcessOutboxUntilAsync(async () => (await DeliveryAsync(app)).Status == WebhookDeliveryStatus.Delivered);

        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Headers["X-Sintra-Delivery"]).Distinct());
        Assert.Single(requests.Select(r => Convert.ToHexString(r.Body)).Distinct());
        var delivery = await DeliveryAsync(app);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
    }

    [Fact]
    public async Task GoneAnswerDisablesSubscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(410);
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.WebhooksManage);
        await SubscribeAsync(client, receiver.Url, WebhookEvents.OrderCreated);
        await AddOrderEventAsync(app);

        await app.ProcessOutboxUntilAsync(async () => (await DeliveryAsync(app)).Status == WebhookDeliveryStatus.Failed);
        await AddOrderEventAsync(app);
        await app.ProcessOutboxUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return !await db.OutboxMessages.AnyAsync(m => m.Status != OutboxStatus.Done && m.Status != OutboxStatus.Failed);
        });

        await using var check = app.CreateDbContext();
        var subscription = await check.WebhookSubscriptions.AsNoTracking().SingleAsync();
        Assert.False(subscription.IsEnabled);
        Assert.Contains("410", subscription.DisabledReason);
        Assert.Single(receiver.Requests);
        Assert.Equal(1, await check.WebhookDeliveries.CountAsync());
    }

    [Fact]
    public async Task StockEventsMergedPerVariant()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.WebhooksManage);
        await SubscribeAsync(client, receiver.Url, WebhookEvents.StockChanged);
        await using (var db = app.CreateDbContext())
        {
            await Stock.StockScene.CreateAsync(db, TimeProvider.System, milan: 4, rome: 2);
        }

        await app.ProcessOutboxUntilAsync(() => Task.FromResult(!receiver.Requests.IsEmpty));
        await app.ProcessOutboxUntilAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return !await db.OutboxMessages.AnyAsync(m => m.Status != OutboxStatus.Done && m.Status != OutboxStatus.Failed);
        });

        // Two movements in two warehouses leave one event with both levels.
        var request = Assert.Single(receiver.Requests);
        var data = JsonDocument.Parse(request.Body).RootElement.GetProperty("data");
        Assert.Equal("TAZ-01", data.GetProperty("sku").GetString());
        Assert.Equal(6, data.GetProperty("available").GetInt32());
        Assert.Equal(2, data.GetProperty("warehouses").GetArrayLength());
    }

    [Fact]
    public async Task PrivateAddressRejectedByDefault()
    {
        var policy = new WebhookUrlPolicy(new StaticOptions(new WebhookOptions()));

        Assert.Contains("127.0.0.1", policy.Check("http://127.0.0.1:8080/hook"));
        Assert.Contains("10.1.2.3", policy.Check("https://10.1.2.3/hook"));
        Assert.Contains("ftp", policy.Check("ftp://example.com/hook"));
        Assert.Null(policy.Check("https://example.com/hook"));
        Assert.False(WebhookUrlPolicy.IsPublic(System.Net.IPAddress.Parse("169.254.169.254")));
        Assert.False(WebhookUrlPolicy.IsPublic(System.Net.IPAddress.Parse("::1")));
        Assert.True(WebhookUrlPolicy.IsPublic(System.Net.IPAddress.Parse("93.184.216.34")));
    }

    private static async Task<string> SubscribeAsync(HttpClient client, string url, string eventType)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { eventType } });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("secret").GetString()!;
    }

    private static async Task<Guid> AddOrderEventAsync(ApiTestApp app)
    {
        await using var db = app.CreateDbContext();
        var lines = await CatalogSeed.AddOrderLinesAsync(db, 1);
        var orderId = (await db.OrderLines.AsNoTracking().SingleAsync(l => l.Id == lines[0])).OrderId;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Topic = OutboxTopics.OrderCreatedEvent,
            EntityId = orderId,
            CreatedAt = DateTime.UtcNow,
            NextAttemptAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return orderId;
    }

    private static async Task<WebhookDelivery> DeliveryAsync(ApiTestApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.CreatedAt).FirstOrDefaultAsync()
            ?? new WebhookDelivery { EventType = "", EventId = "", Body = "" };
    }

    private sealed class StaticOptions(WebhookOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<WebhookOptions>
    {
        public WebhookOptions CurrentValue => value;

        public WebhookOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<WebhookOptions, string?> listener) => null;
    }
}
