using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sintra.Hub.Tests.Browser;
using Sintra.Hub.Tests.Support;
using SkiaSharp;

namespace Sintra.Hub.Tests.Assets;

public sealed class AssetLibraryBrowserTests : IAsyncLifetime
{
    private readonly string folder = TempFolder.Create("asset-browser");
    private BrowserSession session = null!;
    private Guid productId;

    public async Task InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        await using var db = session.Factory.CreateDbContext();
        var (_, variants) = await CatalogSeed.AddAsync(db, "MIL", "FEL-S", "FEL-M");
        productId = variants[0].ProductId;
    }

    public async Task DisposeAsync()
    {
        await session.DisposeAsync();
        TempFolder.TryDelete(folder);
    }

    [Fact]
    public async Task UploadTwoFilesAndLinkThem()
    {
        var red = Path.Combine(folder, "felpa rossa.png");
        var blue = Path.Combine(folder, "felpa-blu.jpg");
        await File.WriteAllBytesAsync(red, TestImages.Png(900, 600, SKColors.Firebrick));
        await File.WriteAllBytesAsync(blue, TestImages.Jpeg(600, 900, SKColors.RoyalBlue));
        var page = await session.SignInAsync("/assets");
        await Assertions.Expect(page.Locator("[data-testid=assets-empty]")).ToBeVisibleAsync();

        await page.Locator("[data-testid=asset-input]").SetInputFilesAsync([red, blue]);

        var rows = page.Locator("[data-testid=upload-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=upload-row][data-status=Stored]")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        foreach (var progress in await page.Locator("[data-testid=upload-progress]").AllAsync())
        {
            Assert.Equal("100", await progress.GetAttributeAsync("aria-valuenow"));
        }

        var thumbnails = page.Locator("[data-testid=asset-thumbnail]");
        await Assertions.Expect(thumbnails).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=asset-thumbnail]')].every(i => i.complete && i.naturalWidth > 0)");
        var widths = await page.EvalOnSelectorAllAsync<int[]>("[data-testid=asset-thumbnail]", "images => images.map(i => i.naturalWidth)");
        Assert.Equal([213, 320], widths.Order().ToArray());
        await BrowserSession.ScreenshotAsync(page, "dam-library.png");

        await page.GotoAsync($"{session.BaseUrl}/products/{productId}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=images-empty]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=image-add]");
        var candidates = page.Locator("[data-testid=asset-candidate]");
        await Assertions.Expect(candidates).ToHaveCountAsync(2);
        await page.Locator("[data-testid=asset-candidate][title='felpa-rossa.png']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=product-image]")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=asset-candidate][title='felpa-blu.jpg']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=product-image]")).ToHaveCountAsync(2);

        await page.Locator("[data-testid=image-down]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=product-image]").First).ToContainTextAsync("felpa-blu.jpg");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=product-image-thumbnail]')].every(i => i.complete && i.naturalWidth > 0)");
        await BrowserSession.ScreenshotAsync(page, "product-images.png");

        await using var db = session.Factory.CreateDbContext();
        var images = await db.ProductImages.Where(i => i.ProductId == productId).OrderBy(i => i.Position).ToListAsync();
        var assets = await db.Assets.ToDictionaryAsync(a => a.Id);
        Assert.Equal([1, 2], images.Select(i => i.Position));
        Assert.Equal("felpa-blu.jpg", assets[images[0].AssetId!.Value].FileName);
        Assert.Equal("image/jpeg", assets[images[0].AssetId!.Value].ContentType);
        Assert.Equal(assets[images[1].AssetId!.Value].PublicUrl, images[1].Src);
    }
}
