using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Tests.Browser;

namespace Sintra.Hub.Tests.CatalogSync;

/// <summary>The product's channel tab, the catalog grid chips and the channel catalog settings in Chromium.</summary>
public sealed class CatalogSyncBrowserTests
{
    [Fact]
    public async Task ChannelTabShowsListingAndConflict()
    {
        await using var session = await BrowserSession.StartAsync();
        var channel = new SalesChannel { Name = "Negozio online", ShopDomain = "sintra-shop.myshopify.com" };
        var product = new Product
        {
            Handle = "giacca-lino",
            Title = "Giacca di lino",
            Option1Name = "Taglia",
            Variants =
            [
                new ProductVariant { Sku = "LINO-S", Option1 = "S", Price = 89m, Position = 1 },
                new ProductVariant { Sku = "LINO-M", Option1 = "M", Price = 89m, Position = 2 },
                new ProductVariant { Sku = "LINO-L", Option1 = "L", Price = 95m, Position = 3 },
            ],
        };
        await using (var db = session.Factory.CreateDbContext())
        {
            db.Channels.Add(channel);
            db.Products.Add(product);
            db.Add(new ChannelCatalogSettings
            {
                ChannelId = channel.Id,
                PushEnabled = false,
                DefaultListing = ListingDefault.IncludeAll,
                TranslationLocales = "en",
            });
            db.Add(new VariantListing { ChannelId = channel.Id, VariantId = product.Variants[2].Id, Included = false });
            db.Add(new ChannelProductSync
            {
                ChannelId = channel.Id,
                ProductId = product.Id,
                ExternalProductId = "gid://shopify/Product/1001",
                Listed = true,
                SyncedAt = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc),
                ConflictAt = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc),
                ConflictValues = JsonSerializer.Serialize(new ChannelProductValues("Giacca in lino", null, "lino",
                    [new ChannelVariantPrice(product.Variants[0].Id, "LINO-S", 84m, null)])),
            });
            await db.SaveChangesAsync();
        }

        var page = await session.SignInAsync($"/products/{product.Id}");
        var panel = page.Locator("[data-testid=product-channels]");
        await panel.WaitForAsync();
        await panel.ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "product-channels.png");

        Assert.Equal("gid://shopify/Product/1001",
            (await panel.Locator("[data-testid=shopify-product-id]").InnerTextAsync()).Trim());
        Assert.Contains("Giacca in lino", await panel.Locator("[data-testid=sync-conflict]").InnerTextAsync());
        Assert.Equal("Conflict", await panel.Locator("[data-testid=sync-chip]").GetAttributeAsync("data-state"));
        var switches = panel.Locator("[data-testid=variant-listings] input[type=checkbox]");
        Assert.Equal(3, await switches.CountAsync());
        Assert.True(await switches.Nth(0).IsCheckedAsync());
        Assert.False(await switches.Nth(2).IsCheckedAsync());

        await switches.Nth(1).ClickAsync();
        await page.GetByText("Pubblicata").First.WaitForAsync();
        await Poll.UntilAsync(async () =>
        {
            await using var db = session.Factory.CreateDbContext();
            return await db.Set<VariantListing>().AnyAsync(l => l.VariantId == product.Variants[1].Id && !l.Included);
        });

        var grid = page;
        await grid.GotoAsync(session.BaseUrl + "/products");
        await BrowserSession.WaitForInteractiveAsync(grid);
        var chip = grid.Locator("[data-testid=sync-chip]").First;
        await chip.WaitForAsync();
        await BrowserSession.ScreenshotAsync(grid, "products-sync-chips.png");
        Assert.Contains("Negozio online", await chip.InnerTextAsync());

        await grid.GotoAsync(session.BaseUrl + $"/channels/{channel.Id}/catalog");
        await BrowserSession.WaitForInteractiveAsync(grid);
        await grid.Locator("[data-testid=catalog-settings]").WaitForAsync();
        await BrowserSession.ScreenshotAsync(grid, "channel-catalog-settings.png");
        Assert.Equal("en", await grid.Locator("[data-testid=catalog-translation-locales]").InputValueAsync());
    }
}

/// <summary>Polls a condition with a generous real-time limit, for state written by the app in the background.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 20 s.");
            }

            await Task.Delay(100);
        }
    }
}
