using System.Text;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.StockImport;

public sealed class StockCsvReaderTests
{
    /// <summary>
    /// An ERP export as Excel saves it on Italian Windows: Windows-1252, CRLF, semicolons, decimal comma and a dot
    /// for thousands. Line 5 has a fractional stock.
    /// </summary>
    public const string ItalianErpText =
        "Codice;Descrizione;EAN;Giacenza;Prezzo\r\n"
        + "0001234;Caffè macinato 250 g;8001234567897;1.250;10 €\r\n"
        + "0001235;«Sencha» – 100 g;8001234567903;12;4,50 €\r\n"
        + "0001236;Tè verde sfuso;8001234567910;0;7,90 €\r\n"
        + "0001237;Tisana più calda;8001234567927;1,5;3,20 €\r\n";

    public static byte[] ItalianErpFile => StockImportKit.Windows1252.GetBytes(ItalianErpText);

    public static StockImportProfile ItalianProfile(Guid warehouseId, StockKeyKind keyKind = StockKeyKind.Sku) => new()
    {
        Name = "ERP",
        Delimiter = ";",
        Encoding = StockFileEncoding.Windows1252,
        Culture = "it-IT",
        KeyKind = keyKind,
        KeyColumn = keyKind == StockKeyKind.Sku ? "Codice" : "EAN",
        QuantityColumn = "Giacenza",
        WarehouseId = warehouseId,
    };

    [Fact]
    public async Task ItalianFileDecodesExactly()
    {
        var entries = await ReadAllAsync(ItalianErpFile, ItalianProfile(Guid.NewGuid()));

        var header = Assert.IsType<StockFileHeader>(entries[0]);
        Assert.Equal(["Codice", "Descrizione", "EAN", "Giacenza", "Prezzo"], header.Names);
        var rows = entries.OfType<StockFileRow>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal([2, 3, 4, 5], rows.Select(r => r.Line));
        Assert.Equal("0001234", rows[0].Key);
        Assert.Equal("Caffè macinato 250 g", rows[0].Fields[1]);
        Assert.Equal("10 €", rows[0].Fields[4]);
        Assert.Equal("«Sencha» – 100 g", rows[1].Fields[1]);
        Assert.Equal("1.250", rows[0].Quantity);
        Assert.Equal("1,5", rows[3].Quantity);
        Assert.DoesNotContain(entries, e => e is StockFileFailure);
    }

    [Fact]
    public async Task Windows1252ReadAsUtf8Rejected()
    {
        var profile = ItalianProfile(Guid.NewGuid());
        profile.Encoding = StockFileEncoding.Utf8;

        var entries = await ReadAllAsync(ItalianErpFile, profile);

        var failure = Assert.IsType<StockFileFailure>(entries[^1]);
        Assert.Equal(StockFileErrorCode.InvalidUtf8, failure.Code);
        Assert.DoesNotContain(entries.OfType<StockFileRow>(), r => r.Fields.Any(f => f.Contains('\uFFFD')));
    }

    [Fact]
    public async Task Utf8ReadAsWindows1252Rejected()
    {
        var entries = await ReadAllAsync(Encoding.UTF8.GetBytes(ItalianErpText), ItalianProfile(Guid.NewGuid()));

        var failure = Assert.IsType<StockFileFailure>(entries[^1]);
        Assert.Equal(StockFileErrorCode.LooksLikeUtf8, failure.Code);
        Assert.Equal(2, failure.Line);
        Assert.Empty(entries.OfType<StockFileRow>());
    }

    [Fact]
    public async Task BomOverridesWindows1252Profile()
    {
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ItalianErpText)).ToArray();

        var entries = await ReadAllAsync(file, ItalianProfile(Guid.NewGuid()));

        Assert.Equal("Codice", Assert.IsType<StockFileHeader>(entries[0]).Names[0]);
        Assert.Equal("Caffè macinato 250 g", entries.OfType<StockFileRow>().First().Fields[1]);
        Assert.DoesNotContain(entries, e => e is StockFileFailure);
    }

    [Fact]
    public async Task BomHeaderAndBlankRowsHandled()
    {
        var text = "\uFEFFsku,qty\n0001234,5\n,\n ,\n\n0001235,0\n";
        var profile = new StockImportProfile { Name = "Web", Delimiter = ",", KeyColumn = "sku", QuantityColumn = "qty" };

        var entries = await ReadAllAsync(Encoding.UTF8.GetBytes(text), profile);

        Assert.Equal("sku", Assert.IsType<StockFileHeader>(entries[0]).Names[0]);
        var rows = entries.OfType<StockFileRow>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("0", rows[1].Quantity);
        Assert.Equal(6, rows[1].Line);
        Assert.Equal([3, 4, 5], entries.OfType<StockFileBlankRow>().Select(b => b.Line));
    }

    [Fact]
    public async Task MissingColumnNamedInFailure()
    {
        var profile = new StockImportProfile { Name = "Web", Delimiter = ",", KeyColumn = "sku", QuantityColumn = "stock" };

        var entries = await ReadAllAsync(Encoding.UTF8.GetBytes("sku,qty\nA,1\n"), profile);

        var failure = Assert.IsType<StockFileFailure>(entries[^1]);
        Assert.Equal(StockFileErrorCode.MissingColumn, failure.Code);
        Assert.Equal("stock", failure.Detail);
    }

    [Fact]
    public async Task FileWithoutHeaderUsesNumbers()
    {
        var profile = new StockImportProfile
        {
            Name = "Plain", Delimiter = "\t", HasHeader = false, KeyColumn = "2", QuantityColumn = "1",
        };

        var entries = await ReadAllAsync(Encoding.UTF8.GetBytes("7\tA-1\n9\tA-2\n"), profile);

        var rows = entries.OfType<StockFileRow>().ToList();
        Assert.Equal(["A-1", "A-2"], rows.Select(r => r.Key));
        Assert.Equal(["7", "9"], rows.Select(r => r.Quantity));
        Assert.Equal([1, 2], rows.Select(r => r.Line));
    }

    [Fact]
    public async Task FiftyThousandRowsStreamFromFile()
    {
        var folder = TempFolder.Create("stock-import");
        try
        {
            var path = Path.Combine(folder, "large.csv");
            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                await writer.WriteLineAsync("sku;qty");
                for (var i = 1; i <= 50_000; i++)
                {
                    await writer.WriteLineAsync($"SKU-{i:D6};{i % 100}");
                }
            }

            var profile = new StockImportProfile { Name = "Big", Delimiter = ";", KeyColumn = "sku", QuantityColumn = "qty" };
            var rows = 0;
            var lastLine = 0;
            await using var content = File.OpenRead(path);
            await foreach (var entry in new StockCsvReader().ReadAsync(content, profile, CancellationToken.None))
            {
                if (entry is StockFileRow row)
                {
                    rows++;
                    lastLine = row.Line;
                }
            }

            Assert.Equal(50_000, rows);
            Assert.Equal(50_001, lastLine);
        }
        finally
        {
            TempFolder.TryDelete(folder);
        }
    }

    private static async Task<List<StockFileEntry>> ReadAllAsync(byte[] file, StockImportProfile profile)
    {
        var entries = new List<StockFileEntry>();
        await using var content = new MemoryStream(file);
        await foreach (var entry in new StockCsvReader().ReadAsync(content, profile, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
