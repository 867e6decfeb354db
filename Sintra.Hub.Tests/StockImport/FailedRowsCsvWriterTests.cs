using System.Text;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Infrastructure.Inventory.Import;

namespace Sintra.Hub.Tests.StockImport;

public sealed class FailedRowsCsvWriterTests
{
    [Fact]
    public async Task FailedRowsGuardFormulas()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null));
        var file = Encoding.UTF8.GetBytes("sku,qty,note\nA-1,2,ok\n\"=HYPERLINK(\"\"x\"\")\",1,@SUM(A1)\nA-1,3,+39 02\n");
        var preview = await kit.PreviewAsync(kit.Profile(), file);

        using var target = new MemoryStream();
        await FailedRowsCsvWriter.WriteAsync(
            target, preview, ",", "line", "error", e => $"{e.Code} in {e.Column}", CancellationToken.None);

        var lines = Encoding.UTF8.GetString(target.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sku,qty,note,line,error", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",1,'@SUM(A1),3,UnknownSku in sku", lines[1]);
        Assert.Equal("A-1,3,'+39 02,4,DuplicateKey in sku", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-5", "'-5")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Caffè", "Caffè")]
    [InlineData("", "")]
    public void GuardFormulaPrefixesRiskyCells(string value, string expected)
    {
        Assert.Equal(expected, FailedRowsCsvWriter.GuardFormula(value));
    }
}
