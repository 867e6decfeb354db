using static Sintra.Hub.Tests.Catalog.CatalogTestKit;

namespace Sintra.Hub.Tests.Qa;

public class CatalogDelimiterTests
{
    [Fact]
    public async Task SemicolonFileNamesTheSeparator()
    {
        var csv = "Handle;Title;Option1 Name;Option1 Value;Variant SKU;Variant Price\n"
            + "caffe-lungo;Caffè lungo;Formato;250 g;CL-250;9,90\n";

        var catalog = await ReadAsync(Text(csv));

        var error = Assert.Single(catalog.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("semicolons", error.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8 (comma delimited)", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Products);
    }

    [Fact]
    public async Task CommaFileWithoutHandleKeepsMessage()
    {
        var catalog = await ReadAsync(Text("Title,Variant SKU\nCaffè; lungo,CL-250\n"));

        var error = Assert.Single(catalog.Errors);
        Assert.Contains("no Handle or URL handle column", error.Message, StringComparison.Ordinal);
    }
}
