using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Benchmarks;

public static class WebhookBenchmark
{
    private const string ShopDomain = "bench-shop.myshopify.com";
    private const string Secret = "benchmark-webhook-secret";
    private const int SkuCount = 200;

    public static async Task<string> RunAsync(int deliveries, int concurrency)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), $"sintra-bench-{Guid.NewGuid():N}");
        await using var factory = new BenchmarkAppFactory(dataFolder);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        using var http = factory.CreateClient();

        await SeedAsync(factory.Services);
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // Phase 1: acknowledgements only. The scheduler stands by, so the endpoint's work (verify, store, answer)
        // is all that is measured.
        await scheduler.Standby();
        var bodies = Enumerable.Range(0, deliveries).Select(BuildOrder).ToArray();
        var latencies = new double[deliveries];
        var next = -1;
        var ackClock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(Signed(bodies[index], index));
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Delivery {index} answered {(int)response.StatusCode}.");
                }
            }
        })));
        ackClock.Stop();

        // Phase 2: processing. The job drains the inbox; the clock stops when the last message is processed.
        var processClock = Stopwatch.StartNew();
        await scheduler.Start();
        await WaitForInboxAsync(factory.Services, deliveries);
        processClock.Stop();

        var reserved = await CountReservedAsync(factory.Services);
        Array.Sort(latencies);
        return string.Join(Environment.NewLine,
        [
            $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
            $"database: SQLite (embedded default), deliveries: {deliveries}, concurrent clients: {concurrency}",
            $"acknowledged: {deliveries / ackClock.Elapsed.TotalSeconds:F0} deliveries/s "
                + $"(p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms)",
            $"processed: {deliveries / processClock.Elapsed.TotalSeconds:F0} orders/s "
                + $"({processClock.Elapsed.TotalSeconds:F1} s for {deliveries} orders, {reserved} units reserved)",
        ]);
    }

    private static HttpRequestMessage Signed(byte[] body, int index)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Shop-Domain", ShopDomain);
        request.Headers.Add("X-Shopify-Webhook-Id", $"bench-{index}");
        request.Headers.Add("X-Shopify-Hmac-Sha256", ShopifyWebhookSignature.Compute(Secret, body));
        return request;
    }

    private static byte[] BuildOrder(int index)
    {
        var created = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1)).AddSeconds(index);
        var stamp = created.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var order = new JsonObject
        {
            ["id"] = 5_000_000_000_000_000L + index,
            ["name"] = $"#B{index}",
            ["order_number"] = 100_000 + index,
            ["email"] = $"customer{index}@example.it",
            ["created_at"] = stamp,
            ["updated_at"] = stamp,
            ["currency"] = "EUR",
            ["presentment_currency"] = "EUR",
            ["financial_status"] = "paid",
            ["total_price"] = "39.80",
            ["subtotal_price"] = "39.80",
            ["total_tax"] = "7.18",
            ["taxes_included"] = true,
            ["billing_address"] = new JsonObject { ["first_name"] = "Anna", ["last_name"] = "Verdi", ["zip"] = "00184", ["country_code"] = "IT" },
            ["shipping_address"] = new JsonObject { ["first_name"] = "Anna", ["last_name"] = "Verdi", ["zip"] = "00184", ["country_code"] = "IT" },
            ["note_attributes"] = new JsonArray(new JsonObject { ["name"] = "codice_fiscale", ["value"] = "RSSMRA85T10A562S" }),
            ["line_items"] = new JsonArray(
                Line(index * 2L, index % SkuCount, 1),
                Line((index * 2L) + 1, (index + 7) % SkuCount, 1)),
        };
        return Encoding.UTF8.GetBytes(order.ToJsonString());
    }

    private static JsonObject Line(long id, int sku, int quantity) => new()
    {
        ["id"] = 6_000_000_000_000_000L + id,
        ["sku"] = $"BENCH-{sku:D4}",
        ["title"] = $"Articolo {sku}",
        ["quantity"] = quantity,
        ["price"] = "19.90",
    };

    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<ChannelSecretProtector>();
        var warehouse = new Warehouse { Code = "BENCH", Name = "Benchmark warehouse" };
        var product = new Product
        {
            Handle = "bench",
            Title = "Benchmark product",
            Variants = Enumerable.Range(0, SkuCount)
                .Select(i => new ProductVariant { Sku = $"BENCH-{i:D4}", Price = 19.90m, Position = i + 1 })
                .ToList(),
        };
        db.Warehouses.Add(warehouse);
        db.Products.Add(product);
        db.Channels.Add(new SalesChannel
        {
            Name = "Benchmark shop",
            ShopDomain = ShopDomain,
            WebhookSecretProtected = protector.Protect(Secret),
            OrderWarehouseId = warehouse.Id,
        });
        await db.SaveChangesAsync();

        var ledger = new StockLedger(db, TimeProvider.System);
        var reference = new StockReference("Benchmark", "seed", "benchmark");
        foreach (var variant in product.Variants)
        {
            await ledger.SetOnHandAsync(variant.Id, warehouse.Id, 1000, MovementReason.InitialCount, reference, default);
        }

        await db.SaveChangesAsync();
    }

    private static async Task WaitForInboxAsync(IServiceProvider services, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var done = await db.InboxMessages.CountAsync(m => m.Status == InboxStatus.Processed || m.Status == InboxStatus.Failed);
            if (done >= expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The inbox was not drained within 10 minutes.");
    }

    private static async Task<int> CountReservedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.InventoryLevels.SumAsync(l => l.Reserved);
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
