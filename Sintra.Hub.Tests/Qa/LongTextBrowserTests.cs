using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Tests.Browser;

namespace Sintra.Hub.Tests.Qa;

public sealed class LongTextBrowserTests : IAsyncLifetime
{
    private BrowserSession session = null!;

    public async Task InitializeAsync() => session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task LongProductTitleStaysInPage()
    {
        var title = "Tazzina" + new string('X', 248);
        var product = new Product
        {
            Handle = "tazzina-lunga",
            Title = title,
            Vendor = "Ceramiche" + new string('V', 246),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await using (var db = session.Factory.CreateDbContext())
        {
            db.Products.Add(product);
            await db.SaveChangesAsync();
        }

        var page = await session.SignInAsync($"/products/{product.Id}");
        await page.GetByText("tazzina-lunga").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "long-product-title.png");

        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var viewportWidth = await page.EvaluateAsync<int>("window.innerWidth");
        Assert.Equal(255, title.Length);
        Assert.True(pageWidth <= viewportWidth, $"The page is {pageWidth} px wide in a {viewportWidth} px viewport.");
    }
}
