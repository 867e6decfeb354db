using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Tests.Browser;

/// <summary>The embedded default as a newcomer meets it: demo data on, orders sent through the webhook endpoint.</summary>
public sealed class DemoShopBrowserTests : IAsyncLifetime
{
    private BrowserSession session = null!;

    public async Task InitializeAsync()
    {
        session = await BrowserSession.StartAsync(new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
    }

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task DemoOrderShowsAfterSignIn()
    {
        var processed = await WaitForDemoOrdersAsync();
        var page = await session.SignInAsync("/orders");

        var row = page.Locator("tr.mud-table-row", new PageLocatorOptions { HasText = "#1001" });
        await row.WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "demo-orders.png");

        Assert.Equal(12, processed);
        Assert.Contains("Giulia Bianchi", await row.InnerTextAsync());
        Assert.Contains("Sintra Demo (Shopify)", await row.InnerTextAsync());
    }

    private async Task<int> WaitForDemoOrdersAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var processed = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = session.Factory.CreateDbContext();
            processed = await db.InboxMessages.CountAsync(m => m.Status == InboxStatus.Processed);
            if (processed >= 12 && await db.Orders.CountAsync() >= 12)
            {
                return processed;
            }

            await Task.Delay(200);
        }

        return processed;
    }
}
