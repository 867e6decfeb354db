using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Web.Components.Pages.Stock;
using Sintra.Hub.Web.Inventory;
using ImportRecord = Sintra.Hub.Core.Inventory.Import.StockImport;

namespace Sintra.Hub.Tests.StockImport;

public sealed class ImportStockPageTests : IAsyncLifetime
{
    private readonly BunitContext context = new();
    private readonly string uploads = TempFolder.Create("stock-uploads");
    private StockImportKit kit = default!;

    public async Task InitializeAsync()
    {
        kit = await StockImportKit.CreateAsync(("0001234", null), ("0001235", null));
        await using (var db = kit.Database.CreateDbContext())
        {
            var profile = kit.Profile();
            profile.Name = "Magazzino Milano";
            db.Set<StockImportProfile>().Add(profile);
            await db.SaveChangesAsync();
        }

        await kit.SetOnHandAsync(0, 3);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddLogging();
        context.Services.AddOptions<StockImportOptions>();
        context.Services.AddSingleton<TimeProvider>(kit.Clock);
        context.Services.AddSingleton<IDbContextFactory<HubDbContext>>(new TestContextFactory(kit.Database));
        context.Services.AddScoped<HubDbContext>(_ => kit.Database.CreateDbContext());
        context.Services.AddScoped<StockLedger>();
        context.Services.AddScoped<StockImportMessages>();
        context.Services.AddStockImport(uploads);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await kit.DisposeAsync();
        TempFolder.TryDelete(uploads);
    }

    [Fact]
    public async Task PreviewShowsChangesThenQueues()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        context.Render<MudPopoverProvider>();
        var page = context.Render<ImportStock>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("sku,qty\n0001234,7\n0001235,2\n", "conta.csv"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=rows] tbody tr")), TimeSpan.FromSeconds(10));
        var first = page.FindAll("[data-test=rows] tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["2", "0001234", "MIL", "7", "3", "0", "0", "7", "+4"], first);
        Assert.Contains("2 data rows: 2 valid, 0 with errors", page.Find("[data-test=counts]").TextContent);
        Assert.Empty(page.FindAll("[data-test=errors]"));

        page.Find("[data-test=apply]").Click();
        page.Find("[data-test=confirm]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=notice]")), TimeSpan.FromSeconds(10));
        await using var db = kit.Database.CreateDbContext();
        var import = await db.Set<ImportRecord>().SingleAsync();
        Assert.Equal(StockImportStatus.Queued, import.Status);
        Assert.Equal("conta.csv", import.FileName);
        Assert.Equal(2, import.RowCount);
        Assert.True(File.Exists(Path.Combine(uploads, import.StoredFileName)));
        Assert.Contains("Queued", page.Find("[data-test=import-status]").TextContent);
    }

    [Fact]
    public void RowErrorsDisableApplyInItalian()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("it-IT");
        context.Render<MudPopoverProvider>();
        var page = context.Render<ImportStock>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("sku,qty\n0001234,7\n0001235,1.5\n", "conta.csv"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=errors] tbody tr")), TimeSpan.FromSeconds(10));
        var cells = page.FindAll("[data-test=errors] tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.Equal("qty", cells[1]);
        Assert.Equal("1.5", cells[2]);
        Assert.Contains("non è un numero intero", cells[3]);
        Assert.True(page.Find("[data-test=apply]").HasAttribute("disabled"));
        Assert.Contains("tutto o niente", page.Find("[data-test=apply-blocked]").TextContent);
        Assert.Contains("failed-rows.csv", page.Find("[data-test=failed-rows]").GetAttribute("href"));
    }

    private sealed class TestContextFactory(TestDatabase database) : IDbContextFactory<HubDbContext>
    {
        public HubDbContext CreateDbContext() => database.CreateDbContext();
    }
}
