using static Sintra.Hub.Tests.Catalog.CatalogTestKit;

namespace Sintra.Hub.Tests.Qa;

public class CatalogLengthTests
{
    private const string Header = "Handle,Title,Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Price\n";

    [Theory]
    [InlineData("Title", 256)]
    [InlineData("Vendor", 256)]
    [InlineData("Type", 256)]
    [InlineData("Tags", 2001)]
    [InlineData("Option1 Name", 256)]
    public async Task ProductTextLongerThanColumnIsError(string column, int length)
    {
        var cells = new Dictionary<string, string>
        {
            ["Title"] = "Caffè lungo",
            ["Vendor"] = "Torrefazione Aurora",
            ["Type"] = "Caffè",
            ["Tags"] = "moka",
            ["Option1 Name"] = "Formato",
        };
        cells[column] = new string('a', length);
        var row = $"caffe-lungo,{cells["Title"]},{cells["Vendor"]},{cells["Type"]},{cells["Tags"]},"
            + $"{cells["Option1 Name"]},250 g,CL-250,9.90\n";

        var catalog = await ReadAsync(Text(Header + row));

        var error = Assert.Single(catalog.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains($"longer than {length - 1} characters", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Products);
    }

    [Fact]
    public async Task ProductTextAtColumnLengthIsAccepted()
    {
        var title = new string('t', 255);
        var row = $"caffe-lungo,{title},,,,Formato,250 g,CL-250,9.90\n";

        var catalog = await ReadAsync(Text(Header + row));

        Assert.Empty(catalog.Errors);
        Assert.Equal(title, Assert.Single(catalog.Products).Title);
    }
}
