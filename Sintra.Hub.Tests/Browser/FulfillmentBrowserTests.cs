using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Sintra.Hub.Tests.Browser;

public sealed class FulfillmentBrowserTests : IAsyncLifetime
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
    public async Task QueueSelectionOpensPickList()
    {
        var page = await session.SignInAsync("/fulfillment");
        var row = page.Locator("[data-testid=queue-grid] tr.mud-table-row", new PageLocatorOptions { HasText = "#1042" });
        await row.WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "fulfillment-queue.png");

        Assert.Contains("2", await row.InnerTextAsync());
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("queue-pick-list").ClickAsync();
        await page.GetByTestId("pick-list").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "pick-list.png");

        var text = await page.GetByTestId("pick-list").InnerTextAsync();
        Assert.Contains("TAZZA-BLU", text);
        Assert.Contains("Totali per SKU", text);
        Assert.Contains("#1042", text);
    }

    [Fact]
    public async Task PackingSlipListsUnitsToShip()
    {
        var page = await session.SignInAsync($"/orders/{seed.OrderId}/packing-slip");
        var slip = page.GetByTestId("packing-slip");
        await slip.WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "packing-slip.png");

        var text = await slip.InnerTextAsync();
        Assert.Contains("Distinta di imballaggio · #1042", text);
        Assert.Contains("TAZZA-BLU", text);
    }

    [Fact]
    public async Task TagAndNoteReachTimeline()
    {
        var page = await session.SignInAsync($"/orders/{seed.OrderId}");
        var panel = page.GetByTestId("order-workflow");
        await panel.WaitForAsync();

        await panel.GetByLabel("Etichetta").FillAsync("Urgente");
        await panel.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Aggiungi etichetta" }).ClickAsync();
        await page.GetByText("user:AddTag").WaitForAsync();
        await panel.GetByLabel("Nuova nota (non visibile al cliente)").FillAsync("Cliente chiede consegna al mattino");
        await panel.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Aggiungi nota" }).ClickAsync();
        await panel.GetByTestId("order-note").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "order-timeline.png");

        await using var db = session.Factory.CreateDbContext();
        Assert.Equal("urgente", (await db.OrderTags.SingleAsync()).Name);
        Assert.Equal("Cliente chiede consegna al mattino", (await db.OrderNotes.SingleAsync()).Text);
        Assert.Contains("Cliente chiede consegna al mattino", await panel.GetByTestId("order-note").InnerTextAsync());
    }

    [Fact]
    public async Task BulkTagFromOrdersGrid()
    {
        var page = await session.SignInAsync("/orders");
        var row = page.Locator("[data-testid=orders-grid] tr.mud-table-row", new PageLocatorOptions { HasText = "#1042" });
        await row.WaitForAsync();

        await row.Locator("input[type=checkbox]").CheckAsync();
        var bulk = page.GetByTestId("bulk-actions");
        await bulk.GetByText("1 selezionati").WaitForAsync();
        await bulk.GetByLabel("Etichetta").FillAsync("reso");
        await bulk.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Aggiungi etichetta" }).ClickAsync();
        await page.GetByTestId("bulk-outcomes").GetByText("1 ordini su 1 modificati").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "orders-bulk.png");

        Assert.EndsWith("/orders", page.Url);
        await page.Locator("input[data-testid=tag-filter], [data-testid=tag-filter] input").First.FillAsync("reso");
        await page.WaitForURLAsync("**/orders?tag=reso");
        await row.WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-testid=orders-grid] tbody tr.mud-table-row").CountAsync());
    }
}
