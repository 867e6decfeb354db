using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Browser;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.StockSync;

/// <summary>The channel sync page in Chromium, loading the shop's locations from the fake Admin API.</summary>
public sealed class StockSyncBrowserTests
{
    [Fact]
    public async Task SyncPageLoadsShopLocations()
    {
        await using var shop = await FakeShopifyServer.StartAsync();
        shop.Shop.AddLocation("Magazzino Firenze");
        await using var session = await BrowserSession.StartAsync();
        var channel = new SalesChannel { Name = "Negozio Firenze", ShopDomain = FakeShopifyServer.ShopDomain };
        await using (var db = session.Factory.CreateDbContext())
        {
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
        }

        await using (var scope = session.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChannelSyncSettingsService>().SaveAsync(channel.Id,
                shop.AccessToken, shop.BaseAddress.ToString(), pushEnabled: true, CancellationToken.None);
        }

        var page = await session.SignInAsync($"/channels/{channel.Id}/sync");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.ClickAsync("[data-testid=sync-load-locations]");
        await page.Locator("[data-testid=sync-locations]").GetByText("Magazzino Firenze").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "channel-sync.png");

        // Only the culture cookie picks a language, and the session sets none, so the page is in Italian, the default.
        Assert.Contains("Un token è salvato.", await page.Locator("[data-testid=sync-connection]").InnerTextAsync());
        Assert.DoesNotContain(shop.AccessToken, await page.ContentAsync());
        Assert.Equal("0", (await page.Locator("[data-testid=sync-pending]").InnerTextAsync()).Trim());
    }
}
