using System.Text;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Catalog;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Pim;

public sealed class CatalogExportTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+39 02 1234", "'+39 02 1234")]
    [InlineData("-sale", "'-sale")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("Felpa = bella", "Felpa = bella")]
    [InlineData("0001234", "0001234")]
    public void GuardPrefixesFormulaStarts(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Guard(text));
        Assert.Equal(text, SpreadsheetText.Unguard(SpreadsheetText.Guard(text)!));
    }

    [Fact]
    public async Task ShopifyExportReimportsSameData()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string csv;
        await using (var db = source.CreateDbContext())
        {
            var kit = new PimKit(db);
            await kit.ImportTemplateAsync();
            var felpa = await db.Products.SingleAsync(p => p.Handle == "felpa-cotone");
            felpa.Title = "=HYPERLINK(\"x\")";
            felpa.Tags = "-sale, cotone";
            await db.SaveChangesAsync();
            csv = await WriteAsync(kit.ShopifyExport.WriteAsync);
        }

        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", csv);
        Assert.Contains("\"0001234\"", csv);

        await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = target.CreateDbContext())
        {
            var result = await CatalogTestKit.Importer(db).ApplyAsync(CatalogTestKit.Text(csv, byteOrderMark: true), new ImportRequest(null, "test"), default);
            Assert.Empty(result.Preview.Errors);
            Assert.True(result.Applied);
        }

        await using var before = source.CreateDbContext();
        await using var after = target.CreateDbContext();
        var expected = await Describe(before);
        var actual = await Describe(after);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public async Task HubExportHasRowPerVariant()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var kit = new PimKit(db);
        await kit.ImportTemplateAsync();
        Assert.Null(await kit.Settings.AddPriceListAsync("Listino IT", "EUR", null, default));
        Assert.Null(await kit.Settings.AddSupplierAsync("acme", "Acme Srl", default));
        var variant = await db.Variants.SingleAsync(v => v.Sku == "0001234");
        var list = await db.PriceLists.SingleAsync();
        db.PriceListEntries.Add(new PriceListEntry { PriceListId = list.Id, VariantId = variant.Id, Price = 30m, CompareAtPrice = 35m });
        db.SupplierEntries.Add(new Core.Catalog.Suppliers.SupplierEntry
        {
            SupplierId = (await db.Suppliers.SingleAsync()).Id, VariantId = variant.Id, SupplierSku = "+A-1", Cost = 12.5m, LeadTimeDays = 7,
        });
        await db.SaveChangesAsync();

        var csv = await WriteAsync(kit.HubExport.WriteAsync);

        var records = Parse(csv);
        var header = records[0];
        Assert.Contains("title_en", header);
        Assert.Contains("price_Listino IT", header);
        Assert.Contains("supplier_acme_lead_time_days", header);
        Assert.Equal(16, records.Count - 1);
        var row = records.Single(r => r[1] == "0001234");
        Assert.Equal("30.00", row[Array.IndexOf(header, "price_Listino IT")]);
        Assert.Equal("35.00", row[Array.IndexOf(header, "compare_at_price_Listino IT")]);
        Assert.Equal("'+A-1", row[Array.IndexOf(header, "supplier_acme_sku")]);
        Assert.Equal("12.50", row[Array.IndexOf(header, "supplier_acme_cost")]);
        Assert.Equal("7", row[Array.IndexOf(header, "supplier_acme_lead_time_days")]);
        Assert.Equal("8001234200015", row[Array.IndexOf(header, "barcode")]);
    }

    private static List<string[]> Parse(string csv)
    {
        using var parser = new CsvHelper.CsvParser(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read())
        {
            records.Add(parser.Record!);
        }

        return records;
    }

    private static async Task<string> WriteAsync(Func<TextWriter, CancellationToken, Task> write)
    {
        var builder = new StringBuilder();
        await using (var writer = new StringWriter(builder))
        {
            await write(writer, default);
        }

        return builder.ToString();
    }

    private static async Task<string[]> Describe(Core.Persistence.HubDbContext db)
    {
        var products = await db.Products.Include(p => p.Variants).Include(p => p.Images).AsSplitQuery()
            .OrderBy(p => p.Handle).ToListAsync();
        return products.SelectMany(p => new[]
            {
                string.Join("|", p.Handle, p.Title, p.DescriptionHtml, p.Vendor, p.ProductType, p.Tags, p.Status, p.Option1Name, p.Option2Name, p.Option3Name),
            }
            .Concat(p.Variants.OrderBy(v => v.Position).Select(v => string.Join(
                "|", v.Position, v.Sku, v.Barcode, v.Option1, v.Option2, v.Option3, v.Price, v.CompareAtPrice, v.WeightGrams, v.RequiresShipping, v.Taxable)))
            .Concat(p.Images.OrderBy(i => i.Position).Select(i => string.Join("|", i.Position, i.Src, i.AltText))))
            .ToArray();
    }
}
