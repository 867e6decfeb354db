using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Sintra.Hub.Tests.Returns;

namespace Sintra.Hub.Tests.Browser;

/// <summary>
/// The returns page inside a shop's iframe: the shop is a second Kestrel server on 127.0.0.1 that Chromium reaches
/// under the name <c>shop.test</c>, so the hub at 127.0.0.1 is a third-party site and its cookies are blocked.
/// </summary>
public sealed class ReturnsBrowserTests : IAsyncLifetime
{
    private const string ShopHost = "shop.test";

    private BrowserSession session = null!;
    private WebApplication shop = null!;
    private IBrowser cookieBlockingBrowser = null!;
    private string shopUrl = null!;

    public async Task InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        shop = builder.Build();
        var hub = session.BaseUrl;
        shop.MapGet("/resi", () => Results.Content(
            $"""
            <!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bottega</title></head>
            <body style="margin:0;font-family:sans-serif"><header style="padding:12px;background:#064e3b;color:#fff">Bottega Sintra</header>
            <iframe title="Resi" src="{hub}/returns/bottega?locale=en" style="width:100%;height:900px;border:0"></iframe></body></html>
            """,
            "text/html"));
        await shop.StartAsync();
        var port = new Uri(shop.Urls.First()).Port;
        shopUrl = $"http://{ShopHost}:{port}";

        await using (var db = session.Factory.CreateDbContext())
        {
            await ReturnsSeed.SaveAsync(db, DateTime.UtcNow, shopUrl);
        }

        cookieBlockingBrowser = await session.Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSession.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",

                // shop.test resolves to the loopback address only; nothing leaves the machine.
                $"--host-resolver-rules=MAP {ShopHost} 127.0.0.1",
                "--test-third-party-cookie-phaseout",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await cookieBlockingBrowser.DisposeAsync();
        await shop.DisposeAsync();
        await session.DisposeAsync();
    }

    [Fact]
    public async Task ReturnInShopIframeReachesDashboard()
    {
        var context = await cookieBlockingBrowser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(shopUrl + "/resi");
        var frame = page.FrameLocator("iframe");

        await frame.GetByLabel("Order number").FillAsync(ReturnsSeed.OrderName);
        await frame.GetByLabel("E-mail or shipping postcode").FillAsync(ReturnsSeed.Email);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Find the order" }).ClickAsync();
        await frame.GetByText("Returnable: 2 of 2").WaitForAsync();
        var hubFrame = page.Frames.Single(f => f.Url.StartsWith(session.BaseUrl, StringComparison.Ordinal));
        var cookieProbe = await hubFrame.EvaluateAsync<string>("() => { document.cookie = 'probe=1'; return document.cookie; }");
        await BrowserSession.ScreenshotAsync(page, "returns-iframe-lines.png");

        await frame.GetByLabel("Tazza in ceramica").FillAsync("1");
        await frame.GetByLabel("Reason for the return").SelectOptionAsync("size");
        await frame.GetByLabel("Comment (optional)").FillAsync("Too small.");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await frame.GetByText("Your return number is R-000001.").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "returns-iframe-done.png");

        Assert.Equal(string.Empty, cookieProbe);
        Assert.Empty(await context.CookiesAsync());
        Assert.Contains("Send the parcel to: Bottega Sintra", await frame.Locator("main").InnerTextAsync());

        var staff = await session.SignInAsync("/return-requests");
        var row = staff.Locator("tr.mud-table-row", new PageLocatorOptions { HasText = "R-000001" });
        await row.WaitForAsync();
        await BrowserSession.ScreenshotAsync(staff, "returns-dashboard.png");
        Assert.Contains("#1042", await row.InnerTextAsync());
        Assert.Contains("Richiesto", await row.InnerTextAsync());
        Assert.Contains("1", await row.Locator("td").Nth(3).InnerTextAsync());

        await row.GetByRole(AriaRole.Link, new() { Name = "R-000001" }).ClickAsync();
        await staff.GetByText("Too small.").WaitForAsync();
        await BrowserSession.ScreenshotAsync(staff, "returns-detail.png");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Approva" }).ClickAsync();
        await staff.GetByText("Registra il ricevimento").WaitForAsync();
        Assert.Contains("Tazza in ceramica", await staff.InnerTextAsync(".mud-main-content"));
        await BrowserSession.ScreenshotAsync(staff, "returns-receive.png");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task IframeFitsPhoneWidth()
    {
        var context = await cookieBlockingBrowser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(shopUrl + "/resi");
        var frame = page.FrameLocator("iframe");

        await frame.GetByLabel("Order number").FillAsync("1042");
        await frame.GetByLabel("E-mail or shipping postcode").FillAsync(ReturnsSeed.Postcode);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Find the order" }).ClickAsync();
        await frame.GetByText("Returnable: 2 of 2").WaitForAsync();
        await frame.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ScrollIntoViewIfNeededAsync();
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "returns-iframe-390.png") });

        var width = await frame.Locator("main").EvaluateAsync<double>("m => m.getBoundingClientRect().width");
        var scrollWidth = await frame.Locator("body").EvaluateAsync<double>("b => b.scrollWidth");
        Assert.True(width <= 390, $"The form is {width}px wide in a 390px viewport.");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways: {scrollWidth}px.");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task SettingsRejectInvalidOrigin()
    {
        var page = await session.SignInAsync("/return-requests/settings");
        var origins = page.GetByLabel("Siti che possono incorporare la pagina");
        await origins.WaitForAsync();
        Assert.Equal(shopUrl, await origins.InputValueAsync());

        await origins.FillAsync("https://negozio.example.it/resi; script-src *");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        await page.GetByText("Origine 'https://negozio.example.it/resi; script-src *' non valida").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "returns-settings.png");

        await origins.FillAsync("https://negozio.example.it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        await page.GetByText("Salvato.").WaitForAsync();
        await using var db = session.Factory.CreateDbContext();
        var settings = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<Sintra.Hub.Core.Returns.ChannelReturnSettings>());
        Assert.Equal("https://negozio.example.it", settings.AllowedFrameOrigins);
    }
}
