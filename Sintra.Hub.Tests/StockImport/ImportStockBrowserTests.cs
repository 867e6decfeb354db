using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Tests.Browser;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.StockImport;

public sealed class ImportStockBrowserTests : IAsyncLifetime
{
    private readonly string folder = TempFolder.Create("stock-browser");
    private BrowserSession session = null!;

    public async Task InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        Guid warehouseId;
        await using (var db = session.Factory.CreateDbContext())
        {
            var (warehouse, _) = await CatalogSeed.AddAsync(db, "NAP", "0001234", "0001235");
            warehouseId = warehouse.Id;
        }

        var profiles = session.Factory.Services.GetRequiredService<StockImportProfileService>();
        var profile = StockCsvReaderTests.ItalianProfile(warehouseId);
        profile.Name = "Gestionale";
        await profiles.SaveAsync(null, 0, profile, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await session.DisposeAsync();
        TempFolder.TryDelete(folder);
    }

    [Fact]
    public async Task UploadApplyAndUndoInBrowser()
    {
        var file = Path.Combine(folder, "giacenze.csv");
        var text = "Codice;Descrizione;Giacenza\r\n0001234;Caffè;1.250\r\n0001235;«Sencha» – 100 g;12\r\n";
        await File.WriteAllBytesAsync(file, StockImportKit.Windows1252.GetBytes(text));
        var page = await session.SignInAsync("/stock/import");

        await ChooseFileAsync(page, file);
        await page.Locator("[data-test=rows] tbody tr").First.WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "stock-import-preview.png");
        Assert.Contains("2 righe di dati: 2 valide, 0 con errori", await page.Locator("[data-test=counts]").InnerTextAsync());

        await page.ClickAsync("[data-test=apply]");
        await page.ClickAsync("[data-test=confirm]");
        var status = page.Locator("[data-test=import-status]").First;
        await Assertions.Expect(status).ToContainTextAsync("Applicata", new() { Timeout = 20_000 });
        await BrowserSession.ScreenshotAsync(page, "stock-import-applied.png");

        await using (var db = session.Factory.CreateDbContext())
        {
            var onHand = await db.InventoryLevels.Join(db.Variants, l => l.VariantId, v => v.Id, (l, v) => new { v.Sku, l.OnHand })
                .SingleAsync(x => x.Sku == "0001234");
            Assert.Equal(1250, onHand.OnHand);
        }

        await page.ClickAsync("[data-test=undo]");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Annulla importazione" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Annullata", new() { Timeout = 20_000 });

        await using var check = session.Factory.CreateDbContext();
        Assert.Equal(0, await check.InventoryLevels.SumAsync(l => l.OnHand));
    }

    // Chooses the file the way a user does, through the button and the browser's file chooser. The button opens the
    // chooser through the page's circuit, so the page is interactive and listens for the file by then.
    private static async Task ChooseFileAsync(IPage page, string file)
    {
        var button = page.Locator("[data-test=choose-file]");
        await Assertions.Expect(button).ToBeEnabledAsync(new() { Timeout = 20_000 });
        var chooser = await page.RunAndWaitForFileChooserAsync(() => button.ClickAsync());
        await chooser.SetFilesAsync(file);
        await Assertions.Expect(page.Locator("[data-test=file-name]")).ToHaveTextAsync(Path.GetFileName(file));
    }
}
