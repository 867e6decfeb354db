using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Orders;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Webhooks;

/// <summary>
/// The real app for webhook tests. With <c>processing: false</c> the inbox job is off and a test drives the
/// processor itself; a <see cref="TimeProvider"/> passed in replaces the system clock.
/// </summary>
public sealed class WebhookTestApp(
    bool processing,
    TimeProvider? clock = null,
    IDictionary<string, string?>? settings = null)
    : HubAppFactory(Settings(processing, settings))
{
    public const string Secret = "fixture-secret-4f9a2c";

    public const string PreviousSecret = "previous-secret-81d0e7";

    /// <summary>Creates the test shop with the current and previous webhook secrets stored encrypted.</summary>
    public async Task<TestShop> SeedShopAsync(string[] skus, int onHand, string timeZone = "Europe/Rome")
    {
        var protector = Services.GetRequiredService<ChannelSecretProtector>();
        await using var db = CreateDbContext();
        return await ShopTestData.SeedAsync(
            db, skus, onHand, protector.Protect(Secret), protector.Protect(PreviousSecret), timeZone);
    }

    /// <summary>Posts a delivery signed with <paramref name="secret"/> (the current secret by default).</summary>
    public Task<HttpResponseMessage> PostAsync(
        HttpClient client,
        string topic,
        string webhookId,
        string body,
        string? secret = null) =>
        PostAsync(
            client, topic, webhookId, Encoding.UTF8.GetBytes(body),
            ShopifyWebhookSignature.Compute(secret ?? Secret, Encoding.UTF8.GetBytes(body)));

    /// <summary>Posts raw bytes with an explicit signature header, as Shopify sends them.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client,
        string topic,
        string webhookId,
        byte[] body,
        string signature,
        string shopDomain = ShopTestData.ShopDomain)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature);
        request.Headers.Add("X-Shopify-Shop-Domain", shopDomain);
        request.Headers.Add("X-Shopify-Webhook-Id", webhookId);
        request.Headers.Add("X-Shopify-API-Version", "2025-07");
        request.Headers.Add("X-Shopify-Triggered-At", "2025-07-01T08:00:00.123Z");
        request.Headers.Add("X-Shopify-Event-Id", "event-" + webhookId);
        return await client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    private static Dictionary<string, string?> Settings(bool processing, IDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Inbox:ProcessingEnabled"] = processing ? "true" : "false",
            ["Inbox:PollSeconds"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
