using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;

namespace Sintra.Hub.Benchmarks;

/// <summary>
/// Measures a large Shopify product CSV import and the first full catalog push plan of one channel. The CSV has
/// 10 variants per product (2 colors by 5 sizes) and 2 images per product, and is written to a temp folder. The
/// import runs preview and apply through <see cref="ProductCsvImporter"/> into a fresh, migrated SQLite database.
/// The push plan builds every product's channel snapshot with <see cref="ChannelProductSnapshotBuilder"/> and counts
/// the Admin API calls that <see cref="CatalogPushService"/> makes for a product never pushed before. Nothing is
/// sent to a shop.
/// </summary>
public static class CatalogBenchmark
{
    private const int VariantsPerProduct = 10;
    private const int PlanScopeSize = 500;
    private static readonly string[] Colors = ["Blu", "Grigio"];
    private static readonly string[] Sizes = ["XS", "S", "M", "L", "XL"];

    public static async Task<string> RunAsync(int variants)
    {
        var products = Math.Max(1, variants / VariantsPerProduct);
        var folder = Path.Combine(Path.GetTempPath(), $"sintra-bench-csv-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var csvPath = Path.Combine(folder, "products.csv");
            await WriteCsvAsync(csvPath, products);
            var csvBytes = new FileInfo(csvPath).Length;

            await using var database = await BenchmarkDatabase.CreateSqliteAsync();
            await using var provider = BuildServices(database.ConnectionString);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

            var request = new ImportRequest(null, "benchmark");
            var previewTimer = Stopwatch.StartNew();
            ImportPreview preview;
            try
            {
                preview = await InScopeAsync(provider, async importer =>
                {
                    await using var content = File.OpenRead(csvPath);
                    return await importer.PreviewAsync(content, request, CancellationToken.None);
                });
            }
            catch (SqliteException exception)
            {
                // NOTE: the import planner looks up all SKUs of the file in one query. EF Core 10 by default sends
                // one parameter per element of a Contains list, and SQLite 3.32 and later allows 32,766 parameters
                // per statement by default (SQLITE_MAX_VARIABLE_NUMBER), so a file with more SKUs fails here.
                Environment.ExitCode = 1;
                return $"Import preview failed for {products * VariantsPerProduct} variants after "
                    + $"{previewTimer.Elapsed.TotalSeconds:F1} s: {exception.Message.TrimEnd('.')}. "
                    + "Run with a smaller variant count, such as 30000.";
            }

            previewTimer.Stop();
            if (preview.HasErrors)
            {
                Environment.ExitCode = 1;
                return $"Import preview found errors in the generated CSV {csvPath}: "
                    + string.Join("; ", preview.Errors.Take(5));
            }

            var applyTimer = Stopwatch.StartNew();
            var result = await InScopeAsync(provider, async importer =>
            {
                await using var content = File.OpenRead(csvPath);
                return await importer.ApplyAsync(content, request, CancellationToken.None);
            });
            applyTimer.Stop();
            var importMemory = MemoryFigures(allocatedBefore);

            var (channel, settings) = await SeedChannelAsync(provider);
            var planTimer = Stopwatch.StartNew();
            var plan = await PlanAsync(provider, channel, settings);
            planTimer.Stop();

            await using var check = database.CreateDbContext();
            var storedVariants = await check.Variants.CountAsync();
            return string.Join(Environment.NewLine,
            [
                Machine.Describe(),
                $"csv: {products} products, {products * VariantsPerProduct} variants, "
                    + $"{csvBytes / (1024.0 * 1024.0):F1} MiB",
                $"import preview: {previewTimer.Elapsed.TotalSeconds:F1} s, {preview.Products.Count} products, "
                    + $"{preview.VariantCount} variants",
                $"import apply (reads and plans again, then writes): {applyTimer.Elapsed.TotalSeconds:F1} s, "
                    + $"applied {result.Applied}, {storedVariants} variants stored",
                $"import memory: {importMemory}",
                $"push plan (snapshots built, nothing sent): {planTimer.Elapsed.TotalSeconds:F1} s, "
                    + $"{plan.Listed} products listed",
                $"planned calls: productSet {plan.SetProduct}, productVariantsBulkUpdate {plan.PriceUpdates}, "
                    + $"translatableResource {plan.TranslationReads}, translationsRegister {plan.TranslationWrites}, "
                    + $"total {plan.Total}",
                $"memory after plan: {MemoryFigures(allocatedBefore)}",
            ]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider BuildServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddHubDatabase(new DatabaseOptions { ConnectionString = connectionString }, Path.GetTempPath());
        services.AddScoped<StockLedger>();
        services.AddProductCsvImport();
        services.AddScoped<ChannelProductSnapshotBuilder>();
        return services.BuildServiceProvider();
    }

    private static async Task<T> InScopeAsync<T>(ServiceProvider provider, Func<ProductCsvImporter, Task<T>> action)
    {
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ProductCsvImporter>());
    }

    /// <summary>Writes the CSV in the column layout of Shopify's product template.</summary>
    private static async Task WriteCsvAsync(string path, int products)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync(
            "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,"
            + "Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,"
            + "Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,"
            + "Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Variant Barcode,"
            + "Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,SEO Description,Variant Image,"
            + "Variant Weight Unit,Variant Tax Code,Cost per item,Status");
        var line = new StringBuilder();
        for (var p = 0; p < products; p++)
        {
            var handle = $"articolo-{p:D6}";
            var price = (19.90m + p % 80).ToString("0.00", CultureInfo.InvariantCulture);
            for (var v = 0; v < VariantsPerProduct; v++)
            {
                var first = v == 0;
                line.Clear();
                line.Append(handle).Append(',');
                line.Append(first ? $"Articolo {p}" : "").Append(',');
                line.Append(first ? $"\"<p>Descrizione dell'articolo {p}, cotone.</p>\"" : "").Append(',');
                line.Append(first ? $"Fornitore {p % 50}" : "").Append(",,");
                line.Append(first ? "Maglie" : "").Append(',');
                line.Append(first ? "\"cotone, estate\"" : "").Append(',');
                line.Append(first ? "TRUE" : "").Append(',');
                line.Append(first ? "Color" : "").Append(',').Append(Colors[v / Sizes.Length]).Append(',');
                line.Append(first ? "Size" : "").Append(',').Append(Sizes[v % Sizes.Length]).Append(",,,");
                line.Append(CultureInfo.InvariantCulture, $"ART-{p:D6}-{v:D2},250,shopify,0,deny,manual,");
                line.Append(price).Append(",,TRUE,TRUE,,");
                line.Append(first ? $"https://img.example.test/articolo-{p}-1.jpg,1,Articolo {p}" : ",,");
                line.Append(",FALSE,,,,kg,,,");
                line.Append(first ? "active" : "");
                await writer.WriteLineAsync(line);
            }

            await writer.WriteLineAsync(
                $"{handle},,,,,,,,,,,,,,,,,,,,,,,,,https://img.example.test/articolo-{p}-2.jpg,2,,,,,,,,,");
        }
    }

    /// <summary>
    /// Adds a channel that lists every product, publishes in Italian and translates into English, and gives every
    /// product an English title, so that the plan includes the translation calls.
    /// </summary>
    private static async Task<(SalesChannel Channel, ChannelCatalogSettings Settings)> SeedChannelAsync(
        ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var channel = new SalesChannel { Name = "Benchmark shop", ShopDomain = "benchmark.myshopify.com" };
        var settings = new ChannelCatalogSettings
        {
            ChannelId = channel.Id,
            PushEnabled = false,
            DefaultListing = ListingDefault.IncludeAll,
            Locale = "it",
            TranslationLocales = "en",
        };
        db.Channels.Add(channel);
        db.Add(settings);
        var products = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Title }).ToListAsync();
        db.CatalogTranslations.AddRange(products.Select(p => new CatalogTranslation
        {
            EntityKind = TranslatedEntity.Product,
            EntityId = p.Id,
            Locale = "en",
            Field = TranslatedFields.Title,
            Value = p.Title.Replace("Articolo", "Item", StringComparison.Ordinal),
        }));
        await db.SaveChangesAsync();
        return (channel, settings);
    }

    /// <summary>
    /// Counts the calls of a first push per product: one <c>productSet</c> for a listed product and, when it has
    /// translations, one <c>translatableResource</c> read for the digests and one <c>translationsRegister</c>.
    /// A first push never sends <c>productVariantsBulkUpdate</c>, because <c>productSet</c> carries the prices.
    /// </summary>
    /// <remarks>
    /// NOTE: these counting rules restate the branches of <c>CatalogPushService.PushSnapshotAsync</c> by hand, so a
    /// change there must be repeated here. <c>translationsRegister</c> is counted even when the shop returns no
    /// digest for any translated field, in which case the service skips it.
    /// </remarks>
    private static async Task<PushPlan> PlanAsync(ServiceProvider provider, SalesChannel channel,
        ChannelCatalogSettings settings)
    {
        List<Guid> productIds;
        await using (var scope = provider.CreateAsyncScope())
        {
            productIds = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Products.AsNoTracking()
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        }

        var plan = new PushPlan();
        foreach (var chunk in productIds.Chunk(PlanScopeSize))
        {
            await using var scope = provider.CreateAsyncScope();
            var builder = scope.ServiceProvider.GetRequiredService<ChannelProductSnapshotBuilder>();
            foreach (var productId in chunk)
            {
                var snapshot = await builder.BuildAsync(channel, settings, productId, CancellationToken.None);
                if (snapshot is not { Listed: true })
                {
                    continue;
                }

                plan.Listed++;
                plan.SetProduct++;
                if (snapshot.Translations.Count > 0)
                {
                    plan.TranslationReads++;
                    plan.TranslationWrites++;
                }
            }
        }

        return plan;
    }

    private static string MemoryFigures(long allocatedBefore)
    {
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return $"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB, "
            + $"GC heap {info.HeapSizeBytes / (1024 * 1024)} MiB, "
            + $"GC committed {info.TotalCommittedBytes / (1024 * 1024)} MiB, "
            + $"allocated since start {allocated / (1024 * 1024)} MiB";
    }

    private sealed class PushPlan
    {
        public int Listed { get; set; }

        public int SetProduct { get; set; }

        public int PriceUpdates { get; set; }

        public int TranslationReads { get; set; }

        public int TranslationWrites { get; set; }

        public int Total => SetProduct + PriceUpdates + TranslationReads + TranslationWrites;
    }
}
