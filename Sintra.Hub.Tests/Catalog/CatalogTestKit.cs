using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;

namespace Sintra.Hub.Tests.Catalog;

/// <summary>Fixtures and real import components for the catalog tests.</summary>
internal static class CatalogTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static Stream Fixture(string name) =>
        File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures", name));

    public static Stream Text(string csv, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return new MemoryStream(byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }

    public static Task<ImportedCatalog> ReadAsync(Stream content) =>
        new ShopifyProductCsvReader(NullLogger<ShopifyProductCsvReader>.Instance).ReadAsync(content, CancellationToken.None);

    public static ProductVersionService Versioning(HubDbContext db) =>
        new(db, new ProductSnapshotReader(db), new FakeTimeProvider(Now), NullLogger<ProductVersionService>.Instance);

    public static ProductCsvImporter Importer(HubDbContext db) =>
        new(
            new ShopifyProductCsvReader(NullLogger<ShopifyProductCsvReader>.Instance),
            new CatalogImportService(
                db,
                new StockLedger(db, new FakeTimeProvider(Now)),
                Versioning(db),
                new FakeTimeProvider(Now),
                NullLogger<CatalogImportService>.Instance));
}
