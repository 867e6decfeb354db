using Sintra.Hub.Core.Catalog;
using static Sintra.Hub.Tests.Catalog.CatalogTestKit;

namespace Sintra.Hub.Tests.Catalog;

public class ShopifyProductCsvReaderTests
{
    private const string MiniHeader = "Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src\n";

    [Fact]
    public async Task ClassicTemplateReadsEveryVariant()
    {
        var catalog = await ReadAsync(Fixture("classic-template.csv"));

        Assert.Empty(catalog.Errors);
        Assert.Equal(["felpa-cotone", "camicia-lino", "cappello-paglia"], catalog.Products.Select(p => p.Handle));
        Assert.Equal(16, catalog.Products.Sum(p => p.Variants.Count));
        Assert.Equal([6, 8, 2], catalog.Products.Select(p => p.Variants.Count));
        Assert.Equal([3, 2, 1], catalog.Products.Select(p => p.Images.Count));
        Assert.Equal(
            [ProductStatus.Active, ProductStatus.Draft, ProductStatus.Archived],
            catalog.Products.Select(p => p.Status));
        Assert.True(catalog.HasQuantityColumn);
        Assert.Equal("Variant SKU", catalog.SkuColumn);

        var felpa = catalog.Products[0];
        Assert.Equal(
            ["FC-BLU-S", "FC-BLU-M", "FC-BLU-L", "FC-GRI-S", "FC-GRI-M", "FC-GRI-L"],
            felpa.Variants.Select(v => v.Sku));
        Assert.Equal("8001234000011", felpa.Variants[0].Barcode);
        Assert.Equal(59.00m, felpa.Variants[0].Price);
        Assert.Equal(69.90m, felpa.Variants[0].CompareAtPrice);
        Assert.Equal(450, felpa.Variants[0].WeightGrams);
        Assert.Equal(3, felpa.Variants[0].Quantity);
        Assert.Equal(("Blu", "S"), (felpa.Variants[0].Option1, felpa.Variants[0].Option2));
        Assert.Equal(("Color", "Size"), (felpa.Option1Name, felpa.Option2Name));
        Assert.Equal([1, 2, 3], felpa.Images.Select(i => i.Position));

        var cappello = catalog.Products[2];
        Assert.Equal(["0001234", "0002234"], cappello.Variants.Select(v => v.Sku));
        Assert.Equal(["8001234200015", "8001234200022"], cappello.Variants.Select(v => v.Barcode));
        Assert.Equal(35m, cappello.Variants[0].Price);
    }

    [Fact]
    public async Task Layout2025ReadsSameModel()
    {
        var classic = await ReadAsync(Fixture("classic-template.csv"));
        var current = await ReadAsync(Fixture("layout-2025.csv"));

        Assert.Empty(current.Errors);
        Assert.Equal("SKU", current.SkuColumn);
        Assert.Equal(classic.Products.Count, current.Products.Count);
        for (var i = 0; i < classic.Products.Count; i++)
        {
            var expected = classic.Products[i];
            var actual = current.Products[i];
            Assert.Equal(expected with { Variants = [], Images = [] }, actual with { Variants = [], Images = [] });
            Assert.Equal(expected.Variants, actual.Variants);
            Assert.Equal(expected.Images, actual.Images);
        }
    }

    [Fact]
    public async Task MultilineHtmlKeptByteForByte()
    {
        var csv = MiniHeader
            + "borsa-tote,\"Borsa \"\"Tote\"\" in tela\","
            + "\"<p>Borsa capiente.</p>\r\n<ul>\n  <li>Manici, in pelle</li>\n</ul>\",Taglia,Unica,BT-001,49.00,\n"
            + "sciarpa,Sciarpa,<p>Lana</p>,Taglia,Unica,SC-002,29.90,\n";

        var catalog = await ReadAsync(Text(csv));

        Assert.Empty(catalog.Errors);
        Assert.Equal("Borsa \"Tote\" in tela", catalog.Products[0].Title);
        Assert.Equal(
            "<p>Borsa capiente.</p>\r\n<ul>\n  <li>Manici, in pelle</li>\n</ul>",
            catalog.Products[0].DescriptionHtml);
        Assert.Equal(2, catalog.Products[0].Line);
        Assert.Equal(6, catalog.Products[1].Line);
        Assert.Equal(6, catalog.Products[1].Variants[0].Line);
    }

    [Fact]
    public async Task BrokenQuoteReportedAtOpeningLine()
    {
        var csv = "Handle,Title,Body (HTML),Variant SKU,Variant Price\n"
            + "borsa,Borsa,\"<p>Borsa.</p>\n<p>Tela</p>\",BT-001,\"49,00\"\n"
            + "sciarpa,Sciarpa,\"<p>Lana, 180 cm</p>\",SC-002,29.90\n"
            + "cappello,Cappello,\"<p>Descrizione senza chiusura,CP-003,19.00\n"
            + "calze,Calze,<p>Cotone</p>,CL-004,7.50\n";

        var catalog = await ReadAsync(Text(csv));

        Assert.Equal(2, catalog.Errors.Count);
        Assert.Equal(2, catalog.Errors[0].Line);
        Assert.Equal("Variant Price", catalog.Errors[0].Column);
        Assert.Equal(5, catalog.Errors[1].Line);
        Assert.Contains("not closed", catalog.Errors[1].Message);
        Assert.Empty(catalog.Products);
    }

    [Fact]
    public async Task QuoteClosedByLaterRowRejected()
    {
        var csv = "Handle,Title,Body (HTML),Variant SKU,Variant Price\n"
            + "cappello,Cappello,\"<p>Senza chiusura,CP-003,19.00\n"
            + "calze,Calze,<p>Cotone</p>,CL-004,7.50\n"
            + "borsa,Borsa,\"<p>Tela</p>\",BT-001,49.00\n";

        var catalog = await ReadAsync(Text(csv));

        var error = Assert.Single(catalog.Errors);
        Assert.Equal(2, error.Line);
        Assert.Empty(catalog.Products);
    }

    [Fact]
    public async Task MultilineFieldFollowedByManyCommas()
    {
        var csv = "Handle,Title,Body (HTML),Tags,Variant SKU,Variant Price\n"
            + "borsa,Borsa,\"<p>Tela</p>\n<p>Pelle</p>\",\"a, b, c, d, e\",BT-001,49.00\n";

        var catalog = await ReadAsync(Text(csv));

        Assert.Empty(catalog.Errors);
        Assert.Equal("a, b, c, d, e", Assert.Single(catalog.Products).Tags);
    }

    [Fact]
    public async Task ByteOrderMarkHeaderRead()
    {
        var csv = MiniHeader + "tazza,Tazza,,Colore,Rosso,0001234,12.00,\n";

        var catalog = await ReadAsync(Text(csv, byteOrderMark: true));

        Assert.Empty(catalog.Errors);
        var variant = Assert.Single(Assert.Single(catalog.Products).Variants);
        Assert.Equal("0001234", variant.Sku);
    }

    [Fact]
    public async Task HeaderMatchIgnoresCaseAndSpaces()
    {
        var csv = " handle ,TITLE, variant sku ,Variant PRICE\ntazza,Tazza,TZ-1,12.00\n";

        var catalog = await ReadAsync(Text(csv));

        Assert.Empty(catalog.Errors);
        Assert.Equal("TZ-1", Assert.Single(Assert.Single(catalog.Products).Variants).Sku);
    }

    [Fact]
    public async Task BlankAndJunkRowsSkipped()
    {
        var csv = MiniHeader
            + "\n"
            + "tazza,Tazza,,Colore,Rosso,TZ-1,12.00,\n"
            + ",,,,,,,\n"
            + "   ,  ,,,,,,\n"
            + "tazza,,,,,,,\n"
            + "tazza,,,,,,,https://img.example.test/tazza.jpg\n";

        var catalog = await ReadAsync(Text(csv));

        Assert.Empty(catalog.Errors);
        Assert.Equal(4, catalog.SkippedRows);
        var product = Assert.Single(catalog.Products);
        var variant = Assert.Single(product.Variants);
        Assert.Equal("TZ-1", variant.Sku);
        Assert.Single(product.Images);
        Assert.DoesNotContain(catalog.Products.SelectMany(p => p.Variants), v => string.IsNullOrEmpty(v.Sku));
    }

    [Fact]
    public async Task InvalidUtf8Rejected()
    {
        var bytes = "Handle,Title,Variant SKU,Variant Price\ncaffe,Caff"u8.ToArray()
            .Concat(new byte[] { 0xE8 })
            .Concat(",CF-1,4.90\n"u8.ToArray())
            .ToArray();

        var catalog = await ReadAsync(new MemoryStream(bytes));

        var error = Assert.Single(catalog.Errors);
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Empty(catalog.Products);
    }

    [Theory]
    [InlineData("12,50", "Variant Price")]
    [InlineData("-3", "Variant Inventory Qty")]
    [InlineData("1.5", "Variant Inventory Qty")]
    [InlineData("maybe", "Variant Taxable")]
    public async Task InvalidCellReportedWithLine(string value, string column)
    {
        var csv = "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty,Variant Taxable\n"
            + "tazza,Tazza,TZ-1,12.00,4,TRUE\n"
            + "tazza,,TZ-2,"
            + column switch
            {
                "Variant Price" => $"\"{value}\",1,TRUE",
                "Variant Inventory Qty" => $"12.00,{value},TRUE",
                _ => $"12.00,1,{value}",
            }
            + "\n";

        var catalog = await ReadAsync(Text(csv));

        var error = Assert.Single(catalog.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(value, error.Value);
        Assert.Single(Assert.Single(catalog.Products).Variants);
    }

    [Fact]
    public async Task Layout2025ErrorsNameItsColumns()
    {
        var csv = "Title,URL handle,SKU,Price,Inventory quantity\n"
            + "Tazza,tazza,TZ-1,12.00,4\n"
            + ",tazza,TZ-2,12.00,tre\n";

        var catalog = await ReadAsync(Text(csv));

        var error = Assert.Single(catalog.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("Inventory quantity", error.Column);
        Assert.Equal("tre", error.Value);
    }

    [Fact]
    public async Task MissingHandleColumnRejected()
    {
        var catalog = await ReadAsync(Text("Name,Price\nTazza,12.00\n"));

        var error = Assert.Single(catalog.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("no Handle or URL handle column", error.Message);
    }

    [Fact]
    public async Task ImageRowWithoutVariantAddsImage()
    {
        var csv = MiniHeader
            + "tazza,Tazza,,Colore,Rosso,TZ-1,12.00,https://img.example.test/a.jpg\n"
            + "tazza,,,,,,,https://img.example.test/b.jpg\n";

        var product = Assert.Single((await ReadAsync(Text(csv))).Products);

        Assert.Single(product.Variants);
        Assert.Equal(["https://img.example.test/a.jpg", "https://img.example.test/b.jpg"], product.Images.Select(i => i.Src));
    }
}
