using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Editing;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Catalog;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Pim;

public sealed class ProductVersioningTests
{
    [Fact]
    public async Task ImportWritesFirstVersions()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var importId = Guid.CreateVersion7();
        await using (var db = database.CreateDbContext())
        {
            var result = await new PimKit(db).Importer.ApplyAsync(
                CatalogTestKit.Fixture("classic-template.csv"), new ImportRequest(null, "import-user") { ImportId = importId }, default);
            Assert.True(result.Applied);
        }

        await using var check = database.CreateDbContext();
        var versions = await check.ProductVersions.ToListAsync();
        Assert.Equal(3, versions.Count);
        Assert.All(versions, v => Assert.Equal(1, v.Number));
        Assert.All(versions, v => Assert.Equal(VersionSourceKinds.Import, v.SourceKind));
        Assert.All(versions, v => Assert.Equal(importId.ToString(), v.SourceReference));
        Assert.All(versions, v => Assert.Equal("import-user", v.Author));

        var felpa = await check.Products.SingleAsync(p => p.Handle == "felpa-cotone");
        var changes = await new PimKit(check).Versions.GetChangesAsync(felpa.Id, 1, default);
        Assert.Contains(new FieldChange("title", null, "Felpa in cotone"), changes);
        Assert.Contains(new FieldChange("variant[FC-BLU-M].barcode", null, "8001234000028"), changes);
    }

    [Fact]
    public async Task SameImportAddsNoVersion()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateDbContext())
        {
            await new PimKit(db).ImportTemplateAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            await new PimKit(db).ImportTemplateAsync();
        }

        await using var check = database.CreateDbContext();
        Assert.Equal(3, await check.ProductVersions.CountAsync());
    }

    [Fact]
    public async Task UiSaveWritesDiff()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid productId;
        await using (var db = database.CreateDbContext())
        {
            var kit = new PimKit(db);
            await kit.ImportTemplateAsync();
            productId = (await db.Products.SingleAsync(p => p.Handle == "felpa-cotone")).Id;
            var model = (await kit.Editor.LoadAsync(productId, default))!;
            model.Title = "Felpa in cotone bio";
            model.Translations["en"][TranslatedFields.Title] = "Organic cotton sweatshirt";
            model.Variants.Single(v => v.Sku == "FC-BLU-S").Price = 54.90m;

            var result = await kit.Editor.SaveAsync(model, PimKit.Operator, default);

            Assert.Equal(EditOutcome.Saved, result.Outcome);
            Assert.Equal(2, result.VersionNumber);
        }

        await using var check = database.CreateDbContext();
        var version = await check.ProductVersions.SingleAsync(v => v.ProductId == productId && v.Number == 2);
        Assert.Equal(VersionSourceKinds.User, version.SourceKind);
        Assert.Equal("operator@example.test", version.Author);
        var changes = await new PimKit(check).Versions.GetChangesAsync(productId, 2, default);
        Assert.Equal(
            [
                new FieldChange("title", "Felpa in cotone", "Felpa in cotone bio"),
                new FieldChange("title@en", null, "Organic cotton sweatshirt"),
                new FieldChange("variant[FC-BLU-S].price", "59.00", "54.90"),
            ],
            changes);
    }

    [Fact]
    public async Task SecondTabGetsConflict()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid productId;
        await using (var db = database.CreateDbContext())
        {
            await new PimKit(db).ImportTemplateAsync();
            productId = (await db.Products.SingleAsync(p => p.Handle == "felpa-cotone")).Id;
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var firstKit = new PimKit(first);
        var secondKit = new PimKit(second);
        var firstModel = (await firstKit.Editor.LoadAsync(productId, default))!;
        var secondModel = (await secondKit.Editor.LoadAsync(productId, default))!;
        firstModel.Vendor = "First tab";
        secondModel.Vendor = "Second tab";

        var firstResult = await firstKit.Editor.SaveAsync(firstModel, PimKit.Operator, default);
        var secondResult = await secondKit.Editor.SaveAsync(secondModel, PimKit.Operator, default);

        Assert.Equal(EditOutcome.Saved, firstResult.Outcome);
        Assert.Equal(EditOutcome.Conflict, secondResult.Outcome);
        await using var check = database.CreateDbContext();
        Assert.Equal("First tab", (await check.Products.SingleAsync(p => p.Id == productId)).Vendor);
        Assert.Equal(2, await check.ProductVersions.CountAsync(v => v.ProductId == productId));
    }

    [Fact]
    public async Task InvalidBarcodeWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var kit = new PimKit(db);
        await kit.ImportTemplateAsync();
        var productId = (await db.Products.SingleAsync(p => p.Handle == "felpa-cotone")).Id;
        var model = (await kit.Editor.LoadAsync(productId, default))!;
        model.Variants[0].Barcode = "8001234000012";

        var result = await kit.Editor.SaveAsync(model, PimKit.Operator, default);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal("BarcodeCheckDigit", error.Code);
        Assert.Equal(["8001234000012", 1], error.Arguments);
        Assert.Equal(1, await db.ProductVersions.CountAsync(v => v.ProductId == productId));
    }

    [Fact]
    public async Task BulkEditVersionsEachProduct()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var kit = new PimKit(db);
        await kit.ImportTemplateAsync();
        var ids = await db.Products.Select(p => p.Id).ToListAsync();

        var result = await kit.Bulk.ApplyAsync(ids, new BulkEdit(BulkAction.ChangePrice) { Percent = -10m }, PimKit.Operator, default);
        var tagged = await kit.Bulk.ApplyAsync(ids, new BulkEdit(BulkAction.AddTag) { Text = "saldi" }, PimKit.Operator, default);

        Assert.Equal(3, result.Changed);
        Assert.Equal(3, tagged.Changed);
        Assert.Equal(9, await db.ProductVersions.CountAsync());
        var felpa = await db.Products.SingleAsync(p => p.Handle == "felpa-cotone");
        var priceChanges = await kit.Versions.GetChangesAsync(felpa.Id, 2, default);
        Assert.Contains(new FieldChange("variant[FC-BLU-S].price", "59.00", "53.10"), priceChanges);
        var tagChanges = await kit.Versions.GetChangesAsync(felpa.Id, 3, default);
        Assert.Equal([new FieldChange("tags", "cotone, autunno", "cotone, autunno, saldi")], tagChanges);
    }

    [Theory]
    [InlineData("10.00", "0.05", null, "10.01")]
    [InlineData("19.99", "-15", null, "16.99")]
    [InlineData("0.10", "-50", null, "0.05")]
    [InlineData("0.03", "-50", null, "0.02")]
    [InlineData("5.00", null, "-7", "0.00")]
    public void PriceChangeRoundsAwayFromZero(string price, string? percent, string? amount, string expected)
    {
        var changed = BulkEditService.ChangePrice(
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture),
            amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), changed);
    }

    [Fact]
    public async Task RestoreCreatesNewVersion()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid productId;
        await using (var db = database.CreateDbContext())
        {
            var kit = new PimKit(db);
            await kit.ImportTemplateAsync();
            productId = (await db.Products.SingleAsync(p => p.Handle == "felpa-cotone")).Id;
            var model = (await kit.Editor.LoadAsync(productId, default))!;
            model.Title = "Titolo cambiato";
            model.Translations["en"][TranslatedFields.Title] = "Changed title";
            model.Variants[0].Price = 1m;
            Assert.Equal(EditOutcome.Saved, (await kit.Editor.SaveAsync(model, PimKit.Operator, default)).Outcome);
        }

        await using (var db = database.CreateDbContext())
        {
            var restored = await new PimKit(db).Restore.RestoreAsync(productId, 1, "admin@example.test", default);
            Assert.Equal(3, restored);
        }

        await using var check = database.CreateDbContext();
        var product = await check.Products.Include(p => p.Variants).SingleAsync(p => p.Id == productId);
        Assert.Equal("Felpa in cotone", product.Title);
        Assert.Equal(59m, product.Variants.Single(v => v.Sku == "FC-BLU-S").Price);
        Assert.False(await check.CatalogTranslations.AnyAsync(t => t.EntityId == productId));
        var version = await check.ProductVersions.SingleAsync(v => v.ProductId == productId && v.Number == 3);
        Assert.Equal(VersionSourceKinds.Restore, version.SourceKind);
        Assert.Equal("1", version.SourceReference);
        var kitCheck = new PimKit(check);
        Assert.Empty((await kitCheck.Versions.CompareAsync(productId, 1, 3, default))!);
        var undone = await kitCheck.Versions.GetChangesAsync(productId, 3, default);
        Assert.Contains(new FieldChange("title", "Titolo cambiato", "Felpa in cotone"), undone);
        Assert.Contains(new FieldChange("title@en", "Changed title", null), undone);
    }
}
