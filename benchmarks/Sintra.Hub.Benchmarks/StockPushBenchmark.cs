using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Benchmarks;

/// <summary>
/// Measures the time from a committed stock change to its arrival at Shopify: the real app with its outbox job,
/// a channel whose push is enabled against the fake Admin API on 127.0.0.1, and one on-hand change per item made
/// through <see cref="StockLedger"/> at a fixed spacing. An item has arrived when the fake records an accepted
/// <c>inventorySetQuantities</c> that carries its inventory item.
/// </summary>
public static class StockPushBenchmark
{
    private const int WatchIntervalMilliseconds = 1;

    public static async Task<string> RunAsync(int changes, int spacingMilliseconds, int pollSeconds)
    {
        await using var shop = await FakeShopifyServer.StartAsync();
        var location = shop.Shop.AddLocation("Magazzino Benchmark");
        var items = Enumerable.Range(0, changes).Select(i => shop.Shop.AddVariant($"PUSH-{i:D4}").InventoryItemId)
            .ToArray();
        foreach (var item in items)
        {
            shop.Shop.SetLevel(item, location.Id, onHand: 0);
        }

        var dataFolder = Path.Combine(Path.GetTempPath(), $"sintra-bench-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string>
        {
            ["StockSync:PollSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
        };
        await using var app = new BenchmarkAppFactory(dataFolder, settings);
        _ = app.Server;
        var (warehouseId, variantIds) = await SeedAsync(app.Services, shop, location, changes);

        var committed = new long[changes];
        var arrived = new ConcurrentDictionary<string, long>();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() => WatchAsync(shop, arrived, stop.Token));

        for (var i = 0; i < changes; i++)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
                var ledger = scope.ServiceProvider.GetRequiredService<StockLedger>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await ledger.SetOnHandAsync(variantIds[i], warehouseId, 10 + i, MovementReason.Count,
                    new StockReference(StockReferenceTypes.User, $"push-{i}", "benchmark"), default);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                committed[i] = Stopwatch.GetTimestamp();
            }

            await Task.Delay(spacingMilliseconds);
        }

        var deadline = Stopwatch.StartNew();
        while (arrived.Count < changes && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await watcher;

        var latencies = new List<double>();
        for (var i = 0; i < changes; i++)
        {
            if (arrived.TryGetValue(items[i], out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(committed[i], at).TotalMilliseconds);
            }
        }

        var wrong = items.Select((item, i) => shop.Shop.GetLevel(item, location.Id)!.OnHand == 10 + i).Count(ok => !ok);
        var sorted = latencies.Order().ToArray();
        var pushes = shop.RequestsFor(ShopifyAdminDocuments.SetOnHandQuantitiesOperation);
        return string.Join(Environment.NewLine,
        [
            Machine.Describe(),
            $"changes: {changes}, spacing {spacingMilliseconds} ms, outbox poll every {pollSeconds} s",
            sorted.Length == 0
                ? "no change reached the fake shop within 2 minutes"
                : $"commit to Shopify: median {Percentiles.Of(sorted, 0.50):F0} ms, "
                    + $"p95 {Percentiles.Of(sorted, 0.95):F0} ms, max {sorted[^1]:F0} ms",
            $"arrived: {sorted.Length} of {changes}; shop levels not equal to the hub: {wrong}; "
                + $"inventorySetQuantities requests: {pushes.Count}, "
                + $"accepted: {pushes.Count(p => p.StatusCode == 200)}",
        ]);
    }

    /// <summary>Records when each inventory item first appears in an accepted push.</summary>
    private static async Task WatchAsync(FakeShopifyServer shop, ConcurrentDictionary<string, long> arrived,
        CancellationToken cancellationToken)
    {
        var seen = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var requests = shop.Requests;
            var now = Stopwatch.GetTimestamp();
            for (; seen < requests.Count; seen++)
            {
                var request = requests[seen];
                var accepted = request.OperationName == ShopifyAdminDocuments.SetOnHandQuantitiesOperation
                    && request.StatusCode == 200;
                if (!accepted)
                {
                    continue;
                }

                foreach (var quantity in request.Variables.GetProperty("input").GetProperty("quantities")
                    .EnumerateArray())
                {
                    arrived.TryAdd(quantity.GetProperty("inventoryItemId").GetString()!, now);
                }
            }

            await Task.Delay(WatchIntervalMilliseconds, CancellationToken.None);
        }
    }

    private static async Task<(Guid WarehouseId, Guid[] VariantIds)> SeedAsync(IServiceProvider services,
        FakeShopifyServer shop, FakeLocation location, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var warehouse = new Warehouse { Code = "PUSH", Name = "Benchmark warehouse" };
        var product = new Product
        {
            Handle = "bench-push",
            Title = "Benchmark product",
            Variants = Enumerable.Range(0, count)
                .Select(i => new ProductVariant { Sku = $"PUSH-{i:D4}", Price = 9.90m, Position = i + 1 })
                .ToList(),
        };
        var channel = new SalesChannel
        {
            Name = "Benchmark shop",
            ShopDomain = FakeShopifyServer.ShopDomain,
            OrderWarehouseId = warehouse.Id,
        };
        db.Warehouses.Add(warehouse);
        db.Products.Add(product);
        db.Channels.Add(channel);
        db.ShopifyLocations.Add(new ShopifyLocationMapping
        {
            ChannelId = channel.Id,
            LocationId = location.Id,
            LocationName = location.Name,
        });
        await db.SaveChangesAsync();

        // Levels at 0, as in the shop, so that no push starts before the measured changes.
        var ledger = scope.ServiceProvider.GetRequiredService<StockLedger>();
        var seed = new StockReference(StockReferenceTypes.User, "seed", "benchmark");
        foreach (var variant in product.Variants)
        {
            await ledger.SetOnHandAsync(variant.Id, warehouse.Id, 0, MovementReason.InitialCount, seed, default);
        }

        await db.SaveChangesAsync();
        var error = await scope.ServiceProvider.GetRequiredService<ChannelSyncSettingsService>().SaveAsync(
            channel.Id, shop.AccessToken, shop.BaseAddress.ToString(), pushEnabled: true, default);
        if (error is not null)
        {
            throw new InvalidOperationException($"Saving the channel's sync settings failed: {error}");
        }

        return (warehouse.Id, product.Variants.Select(v => v.Id).ToArray());
    }
}
