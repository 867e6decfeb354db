using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Tests.Browser;

public sealed class OrdersBrowserTests : IAsyncLifetime
{
    private BrowserSession session = null!;
    private BrowserSeed seed = null!;

    public async Task InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        await using var db = session.Factory.CreateDbContext();
        seed = await BrowserSeed.SaveAsync(db, DateTime.UtcNow);
    }

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task SignInShowsOrderInGrid()
    {
        var page = await session.SignInAsync("/orders");

        var row = page.Locator("tr.mud-table-row", new PageLocatorOptions { HasText = "#1042" });
        await row.WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "orders.png");

        Assert.Contains("Chiara Esposito", await row.InnerTextAsync());
        Assert.Contains("37,50 EUR", await row.InnerTextAsync());
        Assert.True(File.Exists(Path.Combine(BrowserSession.ScreenshotFolder, "orders.png")));
    }

    [Fact]
    public async Task SearchUpdatesGridAndUrl()
    {
        var page = await session.SignInAsync("/orders");
        await page.Locator("tr.mud-table-row", new PageLocatorOptions { HasText = "#1042" }).WaitForAsync();

        await page.GetByLabel("Cerca").FillAsync("nessun-ordine");

        await page.GetByText("Nessun ordine corrisponde ai filtri.").WaitForAsync();
        Assert.EndsWith("/orders?q=nessun-ordine", page.Url);
        Assert.Equal(0, await page.Locator("tbody tr.mud-table-row", new PageLocatorOptions { HasText = "#1042" }).CountAsync());
    }

    [Fact]
    public async Task FlagLinkOpensFilteredGrid()
    {
        var page = await session.SignInAsync("/orders?flag=fiscal&status=Cancelled");

        await page.GetByText("Nessun ordine corrisponde ai filtri.").WaitForAsync();
        await page.GotoAsync(session.BaseUrl + "/orders?flag=fiscal");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("tr.mud-table-row", new PageLocatorOptions { HasText = "#1042" }).WaitForAsync();

        Assert.Equal(1, await page.Locator("tbody tr.mud-table-row").CountAsync());
    }

    [Fact]
    public async Task RowClickOpensOrderDetail()
    {
        var page = await session.SignInAsync("/orders");

        await ClickRowUntilAsync(page, "#1042", $"{session.BaseUrl}/orders/{seed.OrderId}");
        await page.GetByText("Partita IVA '12345678901' non valida: servono 11 cifre con la cifra di controllo corretta.").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "order-detail.png");

        var text = await page.InnerTextAsync(".mud-main-content");
        Assert.Contains("Righe non abbinate", text);
        Assert.Contains("MIL · 2 · aperta", text);
        Assert.Contains("webhook:orders/create", text);
    }

    [Fact]
    public async Task RetryQueuesFailedInboxMessage()
    {
        var page = await session.SignInAsync($"/inbox/{seed.FailedMessageId}");
        await BrowserSession.ScreenshotAsync(page, "inbox-detail.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Riprova" }).ClickAsync();
        await page.GetByText("Messo in coda per un nuovo tentativo.").WaitForAsync();

        await using var db = session.Factory.CreateDbContext();
        var message = await db.InboxMessages.SingleAsync(m => m.Id == seed.FailedMessageId);
        Assert.Equal(InboxStatus.Pending, message.Status);
        Assert.Contains("\"name\": \"#1042\"", await page.InnerTextAsync("[data-testid='message-body']"));
    }

    [Fact]
    public async Task SignOutEndsSession()
    {
        var page = await session.SignInAsync("/orders");

        await page.GetByRole(AriaRole.Button, new() { Name = "Esci" }).ClickAsync();
        await page.WaitForURLAsync(session.BaseUrl + "/account/login");
        await page.GotoAsync(session.BaseUrl + "/orders");

        Assert.StartsWith(session.BaseUrl + "/account/login?ReturnUrl=", page.Url);
    }

    [Fact]
    public async Task HomeAndInboxPagesRender()
    {
        var page = await session.SignInAsync("/");
        await page.GetByText("Ordini degli ultimi 30 giorni").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "home.png");
        Assert.Equal("1", await page.InnerTextAsync("[data-testid='count-unmatched']"));

        await page.GotoAsync(session.BaseUrl + "/inbox?status=Failed");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByText("wh-7f3a1c").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "inbox.png");

        await page.GotoAsync(session.BaseUrl + "/culture/set?culture=en&redirectUri=%2Finbox");
        await page.GetByText("Webhook inbox").First.WaitForAsync();
        Assert.Contains("Received at", await page.InnerTextAsync(".mud-main-content"));
    }

    // The grid may re-render its rows right after they appear (its first server query finishing), and a click on a
    // row that is being replaced is lost, as it would be for a person. The test clicks again, as a person would.
    private static async Task ClickRowUntilAsync(IPage page, string rowText, string expectedUrl)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("tr.mud-table-row", new PageLocatorOptions { HasText = rowText }).Locator("td").Nth(2).ClickAsync();
            try
            {
                await page.WaitForURLAsync(
                    expectedUrl,
                    new PageWaitForURLOptions { Timeout = 10_000, WaitUntil = WaitUntilState.Commit });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
