using System.Text;
using Sintra.Hub.Core.Inventory.Import;

namespace Sintra.Hub.Tests.StockImport;

public sealed class StockImportPlannerTests
{
    [Fact]
    public async Task ItalianFileRejectsFractionLine()
    {
        await using var kit = await StockImportKit.CreateAsync(
            ("0001234", "8001234567897"), ("0001235", "8001234567903"), ("0001236", "8001234567910"),
            ("0001237", "8001234567927"));

        var preview = await kit.PreviewAsync(StockCsvReaderTests.ItalianProfile(kit.Warehouse.Id), StockCsvReaderTests.ItalianErpFile);

        Assert.Null(preview.FileFailure);
        Assert.Equal(4, preview.DataRowCount);
        Assert.Equal([1250, 12, 0], preview.Rows.Select(r => r.FileQuantity));
        Assert.Equal(["0001234", "0001235", "0001236"], preview.Rows.Select(r => r.Sku));
        var error = Assert.Single(preview.Errors);
        Assert.Equal(5, error.Line);
        Assert.Equal(StockRowErrorCode.NotWholeNumber, error.Code);
        Assert.Equal("Giacenza", error.Column);
        Assert.Equal("1,5", error.Value);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public async Task BarcodeKeyMatchesVariants()
    {
        await using var kit = await StockImportKit.CreateAsync(
            ("0001234", "8001234567897"), ("0001235", "8001234567903"), ("0001236", "8001234567910"));
        var profile = StockCsvReaderTests.ItalianProfile(kit.Warehouse.Id, StockKeyKind.Barcode);

        var preview = await kit.PreviewAsync(profile, StockCsvReaderTests.ItalianErpFile);

        Assert.Equal(["0001234", "0001235", "0001236"], preview.Rows.Select(r => r.Sku));
        Assert.Equal(
            [(5, StockRowErrorCode.UnknownBarcode), (5, StockRowErrorCode.NotWholeNumber)],
            preview.Errors.Select(e => (e.Line, e.Code)).Order());
    }

    [Fact]
    public async Task BomFileZeroIsRealCount()
    {
        await using var kit = await StockImportKit.CreateAsync(("0001234", null), ("0001235", null));
        await kit.SetOnHandAsync(1, 3);
        var file = Encoding.UTF8.GetBytes("\uFEFFsku,qty\n0001234,5\n,\n,\n\n0001235,0\n");

        var preview = await kit.PreviewAsync(kit.Profile(), file);

        Assert.Equal("sku", preview.Header[0]);
        Assert.Equal(2, preview.Rows.Count);
        Assert.Equal(3, preview.BlankRowCount);
        Assert.Empty(preview.Errors);
        Assert.Equal(0, preview.Rows[1].TargetOnHand);
        Assert.Equal(-3, preview.Rows[1].Change);
        Assert.DoesNotContain(preview.Rows, r => r.Key.Length == 0);
    }

    [Fact]
    public async Task RowErrorsNameLineAndColumn()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null), ("A-2", null));
        var profile = kit.Profile();
        profile.WarehouseColumn = "wh";
        profile.WarehouseId = null;
        var file = Encoding.UTF8.GetBytes("sku,qty,wh\nA-1,4,MIL\nZZ,1,MIL\nA-2,-1,MIL\nA-2,2,ROM\nA-1,3,mil\n,2,MIL\nA-2,x,MIL\n");

        var preview = await kit.PreviewAsync(profile, file);

        var errors = preview.Errors.Select(e => (e.Line, e.Code, e.Column, e.Value)).ToList();
        Assert.Equal(
            [
                (3, StockRowErrorCode.UnknownSku, "sku", "ZZ"),
                (4, StockRowErrorCode.NegativeCount, "qty", "-1"),
                (5, StockRowErrorCode.UnknownWarehouse, "wh", "ROM"),
                (6, StockRowErrorCode.DuplicateKey, "sku", "A-1"),
                (7, StockRowErrorCode.KeyMissing, "sku", ""),
                (8, StockRowErrorCode.NotANumber, "qty", "x"),
            ],
            errors);
        Assert.Equal(2, preview.Errors.Single(e => e.Code == StockRowErrorCode.DuplicateKey).OtherLine);
        Assert.Equal(6, preview.ErrorRowCount);
    }

    [Theory]
    [InlineData("it-IT", "1.234", 1234)]
    [InlineData("it-IT", "12", 12)]
    [InlineData("en-US", "1,234", 1234)]
    [InlineData("", "1234.0", 1234)]
    public void NumberParsesInCulture(string culture, string text, int expected)
    {
        var number = StockValueParser.ParseNumber(text, StockValueParser.ResolveCulture(culture));

        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("it-IT", "1.5")]
    [InlineData("it-IT", "12a")]
    [InlineData("en-US", "1,5")]
    [InlineData("", "")]
    public void NumberRejectsBadGrouping(string culture, string text)
    {
        Assert.Null(StockValueParser.ParseNumber(text, StockValueParser.ResolveCulture(culture)));
    }
}
