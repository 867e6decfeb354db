using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Benchmarks;

/// <summary>
/// Measures <see cref="StockLedger.ReserveAsync"/> under concurrency: workers, each with its own context and one
/// transaction per reservation, reserve one unit for pre-created order lines. Every tenth line is for one hot item,
/// so its level row is contended; the others are spread over 100 items.
/// </summary>
public static class ReservationBenchmark
{
    private const int ItemCount = 100;
    private const int HotEvery = 10;
    private const int OnHand = 1_000_000;
    private const int LinesPerOrder = 10;

    /// <summary>Runs the benchmark on one database and returns the report lines.</summary>
    internal static async Task<string> RunAsync(BenchmarkDatabase database, int reservations, int workers)
    {
        var (warehouseId, lines) = await SeedAsync(database, reservations);
        var latencies = new double[reservations];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < reservations)
            {
                var started = Stopwatch.GetTimestamp();
                await ReserveAsync(database, lines[index], warehouseId);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        clock.Stop();

        var reserved = await CountReservedAsync(database);
        if (reserved != reservations)
        {
            throw new InvalidOperationException($"Expected {reservations} reserved units, found {reserved}.");
        }

        Array.Sort(latencies);
        return $"{database.Provider}: {reservations / clock.Elapsed.TotalSeconds:F0} reservations/s "
            + $"({reservations} in {clock.Elapsed.TotalSeconds:F1} s, {workers} workers), "
            + $"p50 {Percentiles.Of(latencies, 0.50):F1} ms, p99 {Percentiles.Of(latencies, 0.99):F1} ms, "
            + $"max {latencies[^1]:F1} ms";
    }

    private static async Task ReserveAsync(BenchmarkDatabase database, (Guid LineId, Guid VariantId) line,
        Guid warehouseId)
    {
        await using var db = database.CreateDbContext();
        var ledger = new StockLedger(db, TimeProvider.System);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var reserved = await ledger.ReserveAsync(line.LineId, line.VariantId, warehouseId, 1,
            new StockReference(StockReferenceTypes.Order, line.LineId.ToString(), "benchmark"), default);
        if (reserved != 1)
        {
            throw new InvalidOperationException($"Line {line.LineId} reserved {reserved} units instead of 1.");
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static async Task<(Guid WarehouseId, (Guid LineId, Guid VariantId)[] Lines)> SeedAsync(
        BenchmarkDatabase database, int reservations)
    {
        await using var db = database.CreateDbContext();
        var warehouse = new Warehouse { Code = "BENCH", Name = "Benchmark warehouse" };
        var channel = new SalesChannel
        {
            Name = "Benchmark shop",
            ShopDomain = "bench-reservations.myshopify.com",
            OrderWarehouseId = warehouse.Id,
        };

        // Item 0 is the hot item; items 1 to 100 share the other lines.
        var product = new Product
        {
            Handle = "bench-reservations",
            Title = "Benchmark product",
            Variants = Enumerable.Range(0, ItemCount + 1)
                .Select(i => new ProductVariant { Sku = $"RES-{i:D4}", Price = 9.90m, Position = i + 1 })
                .ToList(),
        };
        db.Warehouses.Add(warehouse);
        db.Channels.Add(channel);
        db.Products.Add(product);
        await db.SaveChangesAsync();

        var ledger = new StockLedger(db, TimeProvider.System);
        var seed = new StockReference(StockReferenceTypes.User, "seed", "benchmark");
        foreach (var variant in product.Variants)
        {
            await ledger.SetOnHandAsync(variant.Id, warehouse.Id, OnHand, MovementReason.InitialCount, seed, default);
        }

        await db.SaveChangesAsync();

        var lines = new (Guid LineId, Guid VariantId)[reservations];
        for (var start = 0; start < reservations; start += LinesPerOrder)
        {
            var order = new Order
            {
                ChannelId = channel.Id,
                ExternalId = 7_000_000_000L + start,
                Name = $"#R{start}",
                Currency = "EUR",
                PresentmentCurrency = "EUR",
            };
            for (var index = start; index < Math.Min(start + LinesPerOrder, reservations); index++)
            {
                // The other lines take the 100 items in turn, counted without the hot lines.
                var cold = index - (index / HotEvery) - 1;
                var variant = product.Variants[index % HotEvery == 0 ? 0 : 1 + (cold % ItemCount)];
                var line = new OrderLine
                {
                    ExternalId = index,
                    Title = "Articolo",
                    Quantity = 1,
                    VariantId = variant.Id,
                };
                order.Lines.Add(line);
                lines[index] = (line.Id, variant.Id);
            }

            db.Orders.Add(order);
        }

        await db.SaveChangesAsync();
        return (warehouse.Id, lines);
    }

    private static async Task<int> CountReservedAsync(BenchmarkDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.InventoryLevels.SumAsync(l => l.Reserved);
    }
}
