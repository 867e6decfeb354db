using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;
using static Sintra.Hub.Tests.Catalog.CatalogTestKit;

namespace Sintra.Hub.Tests.Catalog;

public class CatalogImportServiceTests
{
    [Fact]
    public async Task ApplyCreatesTemplateCatalog()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateDbContext())
        {
            var result = await Importer(db).ApplyAsync(Fixture("classic-template.csv"), new ImportRequest(null, "test"), default);

            Assert.True(result.Applied);
            Assert.Equal(3, result.Preview.Count(ImportChange.Create));
            Assert.Equal(16, result.Preview.CountVariants(ImportChange.Create));
        }

        await using var check = database.CreateDbContext();
        Assert.Equal(3, await check.Products.CountAsync());
        Assert.Equal(16, await check.Variants.CountAsync());
        Assert.Equal(6, await check.ProductImages.CountAsync());
        var variant = await check.Variants.SingleAsync(v => v.Sku == "0001234");
        Assert.Equal("8001234200015", variant.Barcode);
        Assert.Equal(35m, variant.Price);
        var felpa = await check.Products.SingleAsync(p => p.Handle == "felpa-cotone");
        Assert.Equal("<p>Felpa morbida in cotone biologico.</p>\n<ul>\n<li>Vestibilità regolare</li>\n</ul>", felpa.DescriptionHtml);
        Assert.Equal(CatalogTestKit.Now.UtcDateTime, felpa.CreatedAt);
        Assert.Empty(await check.InventoryMovements.ToListAsync());
    }

    [Fact]
    public async Task ApplyTwiceSecondAllUnchanged()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var warehouse = await AddWarehouseAsync(database, "MIL");
        await using (var db = database.CreateDbContext())
        {
            await Importer(db).ApplyAsync(Fixture("classic-template.csv"), new ImportRequest("MIL", "test"), default);
        }

        await using (var db = database.CreateDbContext())
        {
            var preview = await Importer(db).PreviewAsync(Fixture("classic-template.csv"), new ImportRequest("MIL", "test"), default);

            Assert.Empty(preview.Errors);
            Assert.Equal(3, preview.Count(ImportChange.Unchanged));
            Assert.Equal(16, preview.CountVariants(ImportChange.Unchanged));
            Assert.Equal(0, preview.QuantityChanges);
            Assert.True(preview.IsUnchanged);
        }

        await using (var db = database.CreateDbContext())
        {
            var second = await Importer(db).ApplyAsync(Fixture("classic-template.csv"), new ImportRequest("MIL", "test"), default);

            Assert.True(second.Applied);
            Assert.Equal(0, second.MovementsWritten);
        }

        await using var check = database.CreateDbContext();
        Assert.Equal(16, await check.Variants.CountAsync());
        Assert.Equal(16, await check.InventoryMovements.CountAsync(m => m.WarehouseId == warehouse));
        Assert.All(await check.Products.ToListAsync(), p => Assert.Equal(0, p.Version));
    }

    [Fact]
    public async Task QuantitiesBecomeInitialCountMovements()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var warehouse = await AddWarehouseAsync(database, "MIL");
        var request = new ImportRequest("MIL", "cli:test");
        await using (var db = database.CreateDbContext())
        {
            var result = await Importer(db).ApplyAsync(Fixture("classic-template.csv"), request, default);

            Assert.Equal(16, result.MovementsWritten);
        }

        await using var check = database.CreateDbContext();
        var variant = await check.Variants.SingleAsync(v => v.Sku == "FC-BLU-M");
        var level = await check.InventoryLevels.SingleAsync(l => l.VariantId == variant.Id && l.WarehouseId == warehouse);
        Assert.Equal(6, level.OnHand);
        var movement = await check.InventoryMovements.SingleAsync(m => m.VariantId == variant.Id);
        Assert.Equal(MovementReason.InitialCount, movement.Reason);
        Assert.Equal("Import", movement.ReferenceType);
        Assert.Equal($"{request.ImportId}:6", movement.ReferenceId);
        Assert.Equal("cli:test", movement.Actor);
        Assert.Equal(6, movement.OnHandDelta);
        Assert.Equal(6, movement.OnHandAfter);
    }

    [Fact]
    public async Task UnknownWarehouseIsError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AddWarehouseAsync(database, "MIL");
        await using var db = database.CreateDbContext();

        var result = await Importer(db).ApplyAsync(Fixture("classic-template.csv"), new ImportRequest("ROM", "test"), default);

        Assert.False(result.Applied);
        var error = Assert.Single(result.Preview.Errors);
        Assert.Contains("'ROM' was not found", error.Message);
        Assert.Contains("MIL", error.Message);
        Assert.Equal(0, await db.Products.CountAsync());
    }

    [Fact]
    public async Task PreviewErrorsApplyNothing()
    {
        var csv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
            + "tazza,Tazza,Colore,Rosso,TZ-1,12.00,5\n"
            + "piatto,Piatto,Colore,Rosso,PT-1,18.00,2\n"
            + "piatto,,,Blu,TZ-1,18.00,2\n";
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AddWarehouseAsync(database, "MIL");
        await using var db = database.CreateDbContext();

        var result = await Importer(db).ApplyAsync(Text(csv), new ImportRequest("MIL", "test"), default);

        Assert.False(result.Applied);
        var error = Assert.Single(result.Preview.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("Variant SKU", error.Column);
        Assert.Equal("TZ-1", error.Value);
        Assert.Contains("line 2", error.Message);
        await using var check = database.CreateDbContext();
        Assert.Equal(0, await check.Products.CountAsync());
        Assert.Equal(0, await check.InventoryLevels.CountAsync());
        Assert.Equal(0, await check.InventoryMovements.CountAsync());
    }

    [Fact]
    public async Task SkuOfOtherProductIsError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateDbContext())
        {
            var first = Text("Handle,Title,Variant SKU,Variant Price\ntazza,Tazza,TZ-1,12.00\n");
            await Importer(db).ApplyAsync(first, new ImportRequest(null, "test"), default);
        }

        await using var second = database.CreateDbContext();
        var preview = await Importer(second).PreviewAsync(
            Text("Handle,Title,Variant SKU,Variant Price\npiatto,Piatto,TZ-1,18.00\n"), new ImportRequest(null, "test"), default);

        var error = Assert.Single(preview.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("already belongs to product 'tazza'", error.Message);
    }

    [Fact]
    public async Task ChangedPriceReportedAsUpdate()
    {
        const string header = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n";
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateDbContext())
        {
            await Importer(db).ApplyAsync(
                Text(header + "tazza,Tazza,Colore,Rosso,TZ-1,12.00\ntazza,,,Blu,,12.00\n"), new ImportRequest(null, "test"), default);
        }

        await using (var db = database.CreateDbContext())
        {
            var result = await Importer(db).ApplyAsync(
                Text(header + "tazza,Tazza,Colore,Rosso,TZ-1,12.50\ntazza,,,Blu,TZ-2,12.00\n"), new ImportRequest(null, "test"), default);

            var product = Assert.Single(result.Preview.Products);
            Assert.Equal(ImportChange.Update, product.Change);
            Assert.Equal([ImportChange.Update, ImportChange.Update], product.Variants.Select(v => v.Change));
        }

        await using var check = database.CreateDbContext();
        var variants = await check.Variants.OrderBy(v => v.Position).ToListAsync();
        Assert.Equal(2, variants.Count);
        Assert.Equal(12.50m, variants[0].Price);
        Assert.Equal("TZ-2", variants[1].Sku);
        Assert.Equal(1, variants[0].Version);
    }

    [Fact]
    public async Task DuplicateOptionValuesAreError()
    {
        var csv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
            + "tazza,Tazza,Colore,Rosso,,12.00\n"
            + "tazza,,,Rosso,,13.00\n";
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();

        var preview = await Importer(db).PreviewAsync(Text(csv), new ImportRequest(null, "test"), default);

        var error = Assert.Single(preview.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("Rosso", error.Value);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public async Task BrokenQuoteImportsNothing()
    {
        var csv = "Handle,Title,Body (HTML),Variant SKU,Variant Price\n"
            + "borsa,Borsa,<p>Tela</p>,BT-001,49.00\n"
            + "cappello,Cappello,\"<p>Senza chiusura,CP-003,19.00\n"
            + "calze,Calze,<p>Cotone</p>,CL-004,7.50\n";
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();

        var result = await Importer(db).ApplyAsync(Text(csv), new ImportRequest(null, "test"), default);

        Assert.False(result.Applied);
        Assert.Equal(3, Assert.Single(result.Preview.Errors).Line);
        Assert.Equal(0, await db.Products.CountAsync());
    }

    [Fact]
    public async Task DemoCatalogImportsCleanly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AddWarehouseAsync(database, "MIL");
        await using var db = database.CreateDbContext();
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "DemoData", "demo-catalog.csv"));

        var result = await Importer(db).ApplyAsync(file, new ImportRequest("MIL", "demo"), default);

        Assert.Empty(result.Preview.Errors);
        Assert.True(result.Applied);
        Assert.Equal(9, result.Preview.Products.Count);
        Assert.Equal(23, result.Preview.VariantCount);
        Assert.Equal("0001234", (await db.Variants.SingleAsync(v => v.Sku == "0001234")).Sku);
    }

    private static async Task<Guid> AddWarehouseAsync(TestDatabase database, string code)
    {
        await using var db = database.CreateDbContext();
        var warehouse = new Warehouse { Code = code, Name = $"Magazzino {code}" };
        db.Warehouses.Add(warehouse);
        await db.SaveChangesAsync();
        return warehouse.Id;
    }
}
