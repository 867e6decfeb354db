using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Web.DemoData;

/// <summary>
/// Posts the demo orders to the hub's own webhook endpoint once the server listens, signed with the demo channel's
/// secret, so that they travel the same path as a real shop's deliveries: signature, inbox, job, reservation.
/// </summary>
public sealed partial class DemoOrderSender(
    IServer server,
    IHostApplicationLifetime lifetime,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<DemoOrderSender> logger) : IHostedService
{
    private const int OrderCount = 12;

    private (string ShopDomain, string Secret)? pending;

    /// <summary>Asks for the demo orders to be sent once the application has started.</summary>
    public void Schedule(string shopDomain, string secret) => pending = (shopDomain, secret);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => SendAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        if (pending is not { } target)
        {
            return;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal))
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal))
            .FirstOrDefault();
        if (address is null)
        {
            LogNoAddress(logger);
            return;
        }

        try
        {
            var variants = await LoadVariantsAsync(cancellationToken);
            if (variants.Count == 0)
            {
                LogNoVariants(logger);
                return;
            }

            var orders = DemoOrders.Build(variants, clock.GetUtcNow(), OrderCount);
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var sent = 0;
            foreach (var order in orders)
            {
                var body = Encoding.UTF8.GetBytes(order.ToJsonString());
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify")
                {
                    Content = new ByteArrayContent(body),
                };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add("X-Shopify-Topic", "orders/create");
                request.Headers.Add("X-Shopify-Shop-Domain", target.ShopDomain);
                request.Headers.Add("X-Shopify-Webhook-Id", $"demo-{order["id"]}");
                request.Headers.Add("X-Shopify-API-Version", "2026-04");
                request.Headers.Add("X-Shopify-Hmac-Sha256", ShopifyWebhookSignature.Compute(target.Secret, body));
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    LogRejected(logger, (string?)order["name"], (int)response.StatusCode);
                    continue;
                }

                sent++;
            }

            LogSent(logger, sent, address);
        }
        catch (Exception exception) when (exception is HttpRequestException or DbUpdateException)
        {
            LogFailed(logger, exception);
        }
    }

    private async Task<List<DemoVariant>> LoadVariantsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rows = await db.Variants.AsNoTracking()
            .Where(v => v.Sku != null)
            .OrderBy(v => v.Sku)
            .Select(v => new
            {
                v.Sku,
                v.Product!.Title,
                v.Option1,
                v.Option2,
                v.Option3,
                v.Price,
                OnHand = db.InventoryLevels.Where(l => l.VariantId == v.Id).Sum(l => l.OnHand),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new DemoVariant(
                r.Sku!,
                r.Title,
                string.Join(" / ", new[] { r.Option1, r.Option2, r.Option3 }.Where(o => !string.IsNullOrEmpty(o))),
                r.Price,
                r.OnHand))
            .ToList();
    }

    [LoggerMessage(1401, LogLevel.Information, "Demo orders posted to {Address}/webhooks/shopify: {Count}")]
    private static partial void LogSent(ILogger logger, int count, string address);

    [LoggerMessage(1402, LogLevel.Warning, "Demo order {OrderName} was rejected with HTTP {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string? orderName, int statusCode);

    [LoggerMessage(1403, LogLevel.Warning, "Demo orders not sent: the server reports no listening address")]
    private static partial void LogNoAddress(ILogger logger);

    [LoggerMessage(1404, LogLevel.Warning, "Demo orders not sent: the demo catalog has no variant with a SKU")]
    private static partial void LogNoVariants(ILogger logger);

    [LoggerMessage(1405, LogLevel.Error, "Sending the demo orders failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
