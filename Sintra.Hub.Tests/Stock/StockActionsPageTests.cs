using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;
using Sintra.Hub.Tests.Admin;
using Sintra.Hub.Web.Components.Pages;
using Sintra.Hub.Web.Components.Pages.Catalog;

namespace Sintra.Hub.Tests.Stock;

/// <summary>The product page's stock operations rendered with bUnit over the real services and SQLite.</summary>
public sealed class StockActionsPageTests : IAsyncLifetime
{
    private const string User = "magazzino@bottega.test";

    private readonly BunitContext context = new();
    private AdminData data = null!;
    private IRenderedComponent<MudDialogProvider> dialogs = null!;

    public StockActionsPageTests()
    {
        // Set in the constructor, which xUnit calls in the test's own async flow, so the culture holds for the test
        // and reverts after it. Set in InitializeAsync, it would revert when that method returns, and the test would
        // see the machine's culture from LANG. Pages format numbers with CurrentCulture and pick texts with
        // CurrentUICulture.
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public async Task InitializeAsync()
    {
        data = await AdminData.CreateAsync();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLogging();
        context.Services.AddSingleton<IDbContextFactory<HubDbContext>>(data);
        context.Services.AddScoped(_ => data.CreateDbContext());
        context.Services.AddAdminPages();
        context.Services.AddProductInformation();
        context.Services.AddCatalogPush();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(User);
        authorization.SetRoles("Warehouse");
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await data.DisposeAsync();
    }

    [Fact]
    public async Task AdjustDialogWritesMovement()
    {
        var (product, warehouse) = await SeedAsync(onHand: 6);
        var page = RenderPage(product.Id);
        page.WaitForAssertion(() => page.Find("[data-testid='Adjust-VA-S-MIL']"));

        var opening = page.Find("[data-testid='Adjust-VA-S-MIL']").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog input[data-testid=quantity]"));
        await dialogs.Find(".mud-dialog input[data-testid=quantity]").ChangeAsync(new() { Value = "-2" });
        await dialogs.Find(".mud-dialog textarea[data-testid=reason]").ChangeAsync(new() { Value = "Two cracked" });
        await dialogs.Find("[data-testid=save-operation]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        await opening;
        await using var db = data.CreateDbContext();
        var level = await db.InventoryLevels.AsNoTracking().SingleAsync(l => l.WarehouseId == warehouse.Id);
        Assert.Equal(4, level.OnHand);
        var movement = await db.InventoryMovements.AsNoTracking()
            .SingleAsync(m => m.Reason == MovementReason.Adjustment);
        Assert.Equal(-2, movement.OnHandDelta);
        Assert.Equal("Two cracked", movement.Note);
        Assert.Equal(User, movement.Actor);
        // The on-hand cell of the product's stock table, reloaded after the dialog closed.
        page.WaitForAssertion(() => Assert.Equal("4", page.FindAll("[data-testid=stock] tbody td")[3].TextContent.Trim()));
    }

    [Fact]
    public async Task AdjustDialogRequiresReason()
    {
        var (product, warehouse) = await SeedAsync(onHand: 6);
        var page = RenderPage(product.Id);
        page.WaitForAssertion(() => page.Find("[data-testid='Adjust-VA-S-MIL']"));

        _ = page.Find("[data-testid='Adjust-VA-S-MIL']").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog input[data-testid=quantity]"));
        await dialogs.Find(".mud-dialog input[data-testid=quantity]").ChangeAsync(new() { Value = "3" });
        await dialogs.Find("[data-testid=save-operation]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Equal(
            "Enter a reason.", dialogs.Find("[data-testid=operation-error]").TextContent.Trim()));
        await using var db = data.CreateDbContext();
        Assert.Equal(6, (await db.InventoryLevels.AsNoTracking().SingleAsync(l => l.WarehouseId == warehouse.Id)).OnHand);
        Assert.Equal(0, await db.InventoryMovements.CountAsync(m => m.Reason == MovementReason.Adjustment));
    }

    [Fact]
    public async Task TransferDialogRequiresDestination()
    {
        var (product, _) = await SeedAsync(onHand: 1);
        await data.AddWarehouseAsync("ROM", "Roma");
        var page = RenderPage(product.Id);
        page.WaitForAssertion(() => page.Find("[data-testid='Transfer-VA-S-MIL']"));

        _ = page.Find("[data-testid='Transfer-VA-S-MIL']").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog input[data-testid=quantity]"));
        await dialogs.Find(".mud-dialog input[data-testid=quantity]").ChangeAsync(new() { Value = "3" });
        await dialogs.Find(".mud-dialog textarea[data-testid=reason]").ChangeAsync(new() { Value = "Restock" });
        await dialogs.Find("[data-testid=save-operation]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Equal(
            "Choose the destination warehouse.", dialogs.Find("[data-testid=operation-error]").TextContent.Trim()));
        await using var db = data.CreateDbContext();
        Assert.Equal(0, await db.InventoryMovements.CountAsync(m => m.Reason == MovementReason.Transfer));
    }

    private async Task<(Product Product, Warehouse Warehouse)> SeedAsync(int onHand)
    {
        var warehouse = await data.AddWarehouseAsync("MIL", "Milano");
        var product = await data.AddProductAsync("vaso", "Vaso Tirreno", ProductStatus.Active, ("VA-S", 19.90m));
        await using var db = data.CreateDbContext();
        await new StockLedger(db, TimeProvider.System).SetOnHandAsync(
            product.Variants[0].Id, warehouse.Id, onHand, MovementReason.InitialCount, StockScene.Seed, default);
        await db.SaveChangesAsync();
        return (product, warehouse);
    }

    private IRenderedComponent<ProductDetail> RenderPage(Guid productId)
    {
        context.Render<MudPopoverProvider>();
        dialogs = context.Render<MudDialogProvider>();
        return context.Render<ProductDetail>(p => p.Add(x => x.Id, productId));
    }
}
