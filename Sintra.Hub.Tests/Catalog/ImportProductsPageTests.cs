using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Web.Catalog;
using Sintra.Hub.Web.Components.Pages.Catalog;

namespace Sintra.Hub.Tests.Catalog;

public sealed class ImportProductsPageTests : IAsyncLifetime
{
    private readonly BunitContext context = new();
    private TestDatabase database = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateDbContext())
        {
            db.Warehouses.Add(new Warehouse { Code = "MIL", Name = "Milano" });
            await db.SaveChangesAsync();
        }

        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddLogging();
        context.Services.AddOptions<CatalogImportOptions>();
        context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(CatalogTestKit.Now));
        context.Services.AddScoped<HubDbContext>(_ => database.CreateDbContext());
        context.Services.AddScoped<StockLedger>();
        context.Services.AddProductCsvImport();
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task UploadShowsPreviewThenApplies()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        context.Render<MudPopoverProvider>();
        var page = context.Render<ImportProducts>();
        Assert.Contains("Choose a product CSV", page.Find("[data-test=empty]").TextContent);

        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures", "classic-template.csv"));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "products.csv"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=product-counts] td")), TimeSpan.FromSeconds(10));
        var products = page.FindAll("[data-test=product-counts] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Products", "3", "0", "0"], products);
        var variants = page.FindAll("[data-test=variant-counts] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Variants", "16", "0", "0"], variants);
        Assert.Equal("products.csv", page.Find("[data-test=file-name]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-test=errors]"));

        page.Find("[data-test=apply]").Click();
        page.Find("[data-test=confirm]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=applied]")), TimeSpan.FromSeconds(10));
        Assert.Contains("3 products and 16 variants", page.Find("[data-test=applied]").TextContent);
        await using var db = database.CreateDbContext();
        Assert.Equal(16, await db.Variants.CountAsync());
    }

    [Fact]
    public void RowErrorsShownInItalian()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("it-IT");
        context.Render<MudPopoverProvider>();
        var page = context.Render<ImportProducts>();

        var csv = "Handle,Title,Variant SKU,Variant Price\ntazza,Tazza,TZ-1,\"12,50\"\n";
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "prodotti.csv"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=errors] tbody tr")), TimeSpan.FromSeconds(10));
        var cells = page.FindAll("[data-test=errors] tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("2", cells[0]);
        Assert.Equal("Variant Price", cells[1]);
        Assert.Equal("12,50", cells[2]);
        Assert.Contains("Da creare", page.Find("[data-test=counts]").TextContent);
        Assert.True(page.Find("[data-test=apply]").HasAttribute("disabled"));
    }
}
