using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Web.Catalog;

namespace Sintra.Hub.Tests.Catalog;

public sealed class ProductImportCommandTests : IDisposable
{
    private readonly HubAppFactory app = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task PreviewWritesNothingAndExitsZero()
    {
        var exitCode = await RunAsync(FixturePath("classic-template.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Products: 3 to create, 0 to update, 0 unchanged", output.ToString());
        Assert.Contains("Variants: 16 to create", output.ToString());
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Products.CountAsync());
    }

    [Fact]
    public async Task ApplyWithWarehouseWritesCounts()
    {
        await using (var db = app.CreateDbContext())
        {
            db.Warehouses.Add(new Warehouse { Code = "MIL", Name = "Milano" });
            await db.SaveChangesAsync();
        }

        var exitCode = await RunAsync(FixturePath("classic-template.csv"), "--warehouse", "MIL", "--apply");

        Assert.Equal(0, exitCode);
        Assert.Contains("Import applied.", output.ToString());
        await using var check = app.CreateDbContext();
        Assert.Equal(16, await check.Variants.CountAsync());
        Assert.Equal(16, await check.InventoryMovements.CountAsync(m => m.Reason == MovementReason.InitialCount));
    }

    [Fact]
    public async Task RowErrorsExitOneWithLines()
    {
        var file = Path.Combine(app.DataFolder, "errors.csv");
        await File.WriteAllTextAsync(file, "Handle,Title,Variant SKU,Variant Price\ntazza,Tazza,TZ-1,\"12,50\"\n");

        var exitCode = await RunAsync(file, "--apply");

        Assert.Equal(1, exitCode);
        Assert.Contains("line 2 [Variant Price] '12,50': The price is invalid.", output.ToString());
        Assert.Contains("Nothing was imported.", output.ToString());
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Products.CountAsync());
    }

    [Theory]
    [InlineData(new string[0], "FILE is missing.")]
    [InlineData(new[] { "a.csv", "--bogus" }, "Unknown option: --bogus")]
    [InlineData(new[] { "a.csv", "--warehouse" }, "--warehouse needs a warehouse code.")]
    [InlineData(new[] { "a.csv", "b.csv" }, "Unexpected argument: b.csv")]
    public async Task UsageErrorsExitTwo(string[] args, string expected)
    {
        var exitCode = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error.ToString());
        Assert.Contains("Usage: import-products FILE", error.ToString());
    }

    [Fact]
    public async Task MissingFileExitsTwo()
    {
        var exitCode = await RunAsync(Path.Combine(app.DataFolder, "missing.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("File not found", error.ToString());
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures", name);

    private Task<int> RunAsync(params string[] args) =>
        ProductImportCommand.RunAsync(app.Services, args, output, error, CancellationToken.None);
}
