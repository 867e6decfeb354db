using System.Text;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Infrastructure.Exchange;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>Reading and writing CSV through an exchange profile: encodings, transforms, filters and the formula guard.</summary>
public sealed class ProfileCsvTests
{
    [Fact]
    public void WindowsFileReadsAccents()
    {
        var profile = Profile(CsvFileEncoding.Windows1252, new CsvColumnMapping { Field = "Carrier", Column = "corriere" });
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var content = Encoding.GetEncoding(1252).GetBytes("corriere\r\nPoste Italiane è\r\n");

        var result = ProfileCsv.Read(content, profile);

        Assert.Null(result.Failure);
        Assert.Equal("Poste Italiane è", Assert.Single(result.Rows).Get("Carrier"));
    }

    [Fact]
    public void InvalidUtf8FailsTheFile()
    {
        var profile = Profile(CsvFileEncoding.Utf8, new CsvColumnMapping { Field = "Carrier", Column = "corriere" });

        var result = ProfileCsv.Read([0x63, 0x0D, 0x0A, 0xE8, 0x0D, 0x0A], profile);

        Assert.NotNull(result.Failure);
        Assert.Contains("not valid UTF-8", result.Failure);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void TransformsAndConstantsApply()
    {
        var profile = Profile(
            CsvFileEncoding.Utf8,
            new CsvColumnMapping { Field = "Sku", Column = "sku", Transform = CsvTransform.PadLeftZeros, Argument = "6" },
            new CsvColumnMapping { Field = "Carrier", Column = "corriere", Transform = CsvTransform.Upper },
            new CsvColumnMapping { Field = "TrackingUrl", Constant = "https://track.example" },
            new CsvColumnMapping { Field = "TrackingNumber", Column = "tracking", Transform = CsvTransform.Trim });

        var result = ProfileCsv.Read(Encoding.UTF8.GetBytes("sku;corriere;tracking\r\n123;brt; X9 \r\n"), profile);

        var row = Assert.Single(result.Rows);
        Assert.Equal("000123", row.Get("Sku"));
        Assert.Equal("BRT", row.Get("Carrier"));
        Assert.Equal("https://track.example", row.Get("TrackingUrl"));
        Assert.Equal("X9", row.Get("TrackingNumber"));
    }

    [Fact]
    public void FiltersSkipRows()
    {
        var profile = Profile(CsvFileEncoding.Utf8, new CsvColumnMapping { Field = "Carrier", Column = "corriere" });
        profile.SetFilters([new CsvRowFilter { Field = "Carrier", Operator = CsvFilterOperator.NotEquals, Value = "ritiro" }]);

        var result = ProfileCsv.Read(Encoding.UTF8.GetBytes("corriere\r\nBRT\r\nRitiro\r\nGLS\r\n"), profile);

        Assert.Equal(["BRT", "GLS"], result.Rows.Select(r => r.Get("Carrier")));
        Assert.Equal(1, result.SkippedCount);
    }

    [Fact]
    public void MissingHeaderColumnFailsFile()
    {
        var profile = Profile(CsvFileEncoding.Utf8, new CsvColumnMapping { Field = "Sku", Column = "codice" });

        var result = ProfileCsv.Read(Encoding.UTF8.GetBytes("sku;qta\r\n1;2\r\n"), profile);

        Assert.NotNull(result.Failure);
        Assert.Contains("'codice'", result.Failure);
        Assert.Contains("sku, qta", result.Failure);
    }

    [Theory]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+39 055", "\"'+39 055\"")]
    [InlineData("-5", "\"'-5\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("00100", "\"00100\"")]
    [InlineData("Via \"Roma\"", "\"Via \"\"Roma\"\"\"")]
    public void TextCellsAreQuotedAndGuarded(string value, string expected)
    {
        var profile = Profile(CsvFileEncoding.Utf8, new CsvColumnMapping { Field = "ShipCity", Column = "citta" });
        profile.HasHeader = false;

        var bytes = ProfileCsv.Write(profile, [new Dictionary<string, string> { ["ShipCity"] = value }], new HashSet<string> { "ShipCity" }, out var rows);

        Assert.Equal(1, rows);
        Assert.Equal(expected + "\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void BomEncodingWritesBom()
    {
        var profile = Profile(CsvFileEncoding.Utf8Bom, new CsvColumnMapping { Field = "Quantity", Column = "qta" });

        var bytes = ProfileCsv.Write(profile, [new Dictionary<string, string> { ["Quantity"] = "3" }], new HashSet<string>(), out _);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("\"qta\"\r\n3\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    private static ExchangeCsvProfile Profile(CsvFileEncoding encoding, params CsvColumnMapping[] columns)
    {
        var profile = new ExchangeCsvProfile { Name = "Test", Encoding = encoding, Culture = "it-IT" };
        profile.SetColumns(columns);
        return profile;
    }
}
