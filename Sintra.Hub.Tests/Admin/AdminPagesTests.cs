using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;
using Sintra.Hub.Web.Components.Pages;
using Sintra.Hub.Web.Components.Pages.Catalog;
using Sintra.Hub.Web.Components.Pages.Settings;

namespace Sintra.Hub.Tests.Admin;

/// <summary>The admin pages rendered with bUnit over the real services and a real SQLite database.</summary>
public sealed class AdminPagesTests : IAsyncLifetime
{
    private const string Secret = "whsec-page-0123456789abcdefQRST";

    private readonly BunitContext context = new();
    private readonly ChannelSecretProtector protector = new(new EphemeralDataProtectionProvider());
    private AdminData data = null!;
    private BunitAuthorizationContext authorization = null!;
    private IRenderedComponent<MudDialogProvider> dialogs = null!;

    public AdminPagesTests()
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
        context.Services.AddSingleton(protector);
        context.Services.AddScoped(_ => data.CreateDbContext());
        context.Services.AddAdminPages();
        context.Services.AddProductInformation();
        context.Services.AddCatalogPush();
        authorization = context.AddAuthorization();
        authorization.SetAuthorized("admin@bottega.test");
        authorization.SetRoles("Admin");
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await data.DisposeAsync();
    }

    [Fact]
    public async Task ProductsGridShowsStockTotals()
    {
        var warehouse = await data.AddWarehouseAsync("MIL");
        var vase = await data.AddProductAsync("vaso", "Vaso Tirreno", ProductStatus.Active, ("VA-S", 19.90m), ("VA-L", 31m));
        await data.AddProductAsync("piatto", "Piatto Ligure", ProductStatus.Draft, ("PI-1", 12m));
        await data.AddLevelAsync(vase.Variants[0].Id, warehouse.Id, onHand: 4, reserved: 6);

        var page = RenderWithPopovers<Products>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr.mud-table-row").Count));
        var vaseRow = page.FindAll("tbody tr.mud-table-row").Single(r => r.TextContent.Contains("Vaso Tirreno"));
        var cells = vaseRow.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();

        // The first cells are the selection box and the title, the last the completeness chips. The empty cell after
        // the status lists no channels.
        Assert.Equal(["Ceramiche Tirreno", "Tazze", "Active", "", "2", "4", "6", "-2", "19.90 – 31.00"], cells[2..^1]);
        Assert.Equal("vaso", vaseRow.QuerySelector("[data-testid=handle]")?.TextContent);
    }

    [Fact]
    public async Task ProductsSearchFindsExactSku()
    {
        await data.AddProductAsync("fondo", "Piatto fondo", ProductStatus.Active, ("00123", 9m));
        await data.AddProductAsync("piano", "Piatto piano", ProductStatus.Active, ("123", 9m));
        var page = RenderWithPopovers<Products>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr.mud-table-row").Count));

        page.Find("input[data-testid=product-search]").Input("00123");

        // The field applies typed text after its 400 ms debounce, so the check waits for the reload.
        page.WaitForAssertion(
            () =>
            {
                var row = Assert.Single(page.FindAll("tbody tr.mud-table-row"));
                Assert.Contains("Piatto fondo", row.TextContent);
            },
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void ProductsEmptyStateLinksToImport()
    {
        var page = RenderWithPopovers<Products>();

        page.WaitForAssertion(() =>
        {
            var empty = page.Find("[data-testid=products-empty]");
            Assert.Equal("/catalog/import", empty.QuerySelector("a")?.GetAttribute("href"));
        });
    }

    [Fact]
    public async Task DetailSandboxesDescriptionAndFlagsShortfall()
    {
        var warehouse = await data.AddWarehouseAsync("MIL", "Milano");
        var product = await data.AddProductAsync("vaso", "Vaso", ProductStatus.Active, ("VA-S", 19.90m));
        await using (var db = data.CreateDbContext())
        {
            await db.Products.ExecuteUpdateAsync(s => s.SetProperty(
                p => p.DescriptionHtml, "<p>Smaltato a mano</p><script>document.title='x'</script>"));
        }

        await data.AddLevelAsync(product.Variants[0].Id, warehouse.Id, onHand: 1, reserved: 3);

        var page = RenderWithPopovers<ProductDetail>(p => p.Add(d => d.Id, product.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=product-description]"));
        var frame = page.Find("[data-testid=product-description]");
        Assert.Equal(string.Empty, frame.GetAttribute("sandbox"));
        Assert.Contains("<p>Smaltato a mano</p>", frame.GetAttribute("srcdoc"));
        Assert.StartsWith("<meta http-equiv=\"Content-Security-Policy\"", frame.GetAttribute("srcdoc"));
        Assert.Empty(page.FindAll("script"));
        var stockRow = Assert.Single(page.FindAll("[data-testid=stock] tbody tr"));
        Assert.Contains("Shortfall", stockRow.TextContent);
        Assert.Contains("-2", stockRow.TextContent);
    }

    [Fact]
    public void DetailOfUnknownProductSaysNotFound()
    {
        var page = RenderWithPopovers<ProductDetail>(p => p.Add(d => d.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => page.Find("[data-testid=product-not-found]"));
    }

    [Fact]
    public async Task ChannelsPageMasksSecret()
    {
        var warehouse = await data.AddWarehouseAsync("MIL");
        await using (var db = data.CreateDbContext())
        {
            db.Channels.Add(new SalesChannelBuilder(warehouse.Id, protector.Protect(Secret)).Build());
            await db.SaveChangesAsync();
        }

        var page = RenderWithPopovers<Channels>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=channels] tbody tr")));
        Assert.Equal("http://localhost/webhooks/shopify", page.Find("[data-testid=webhook-url]").TextContent);
        Assert.Contains("••••QRST", page.Find("[data-testid=secret-cell]").TextContent);
        Assert.DoesNotContain(Secret[..^4], page.Markup);
        Assert.Contains("bottega-sintra.myshopify.com", page.Markup);
    }

    [Fact]
    public async Task WarehousesHideEditingFromOperators()
    {
        await data.AddWarehouseAsync("MIL", "Milano");
        authorization.SetRoles("Operator");

        var page = RenderWithPopovers<Warehouses>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=warehouses] tbody tr")));
        Assert.Empty(page.FindAll("[data-testid=new-warehouse]"));
        Assert.Empty(page.FindAll("[data-testid=warehouses] button"));
    }

    [Fact]
    public async Task WarehousesRenderInItalian()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("it");
        await data.AddWarehouseAsync("MIL", "Milano");

        var page = RenderWithPopovers<Warehouses>();

        page.WaitForAssertion(() => Assert.Contains("Nuovo magazzino", page.Find("[data-testid=new-warehouse]").TextContent));
        Assert.Contains("Magazzini", page.Find("h5").TextContent);
    }

    [Fact]
    public async Task WarehouseDialogCreatesWarehouse()
    {
        await data.AddWarehouseAsync("MIL", "Milano");
        var page = RenderWithPopovers<Warehouses>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=warehouses] tbody tr")));

        // The page's click handler awaits the dialog's result, so the click is not awaited here.
        var opening = page.Find("[data-testid=new-warehouse]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll(".mud-dialog input[type=text]").Count));
        var fields = dialogs.FindAll(".mud-dialog input[type=text]");
        await fields[0].ChangeAsync(new() { Value = "nap-1" });
        await fields[1].ChangeAsync(new() { Value = "Napoli" });
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Save")).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=warehouses] tbody tr").Count));
        Assert.Contains("NAP-1", page.Find("[data-testid=warehouses] tbody").TextContent);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        await opening;
    }

    [Fact]
    public async Task WarehouseDialogReportsConcurrentEdit()
    {
        var warehouse = await data.AddWarehouseAsync("MIL", "Milano");
        var page = RenderWithPopovers<Warehouses>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=warehouses] tbody tr")));
        _ = page.Find("[data-testid=warehouses] tbody button").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Equal("Milano", dialogs.FindAll(".mud-dialog input")[1].GetAttribute("value")));

        // Another user renames the warehouse while the dialog is open.
        var other = new WarehouseSettingsService(data);
        await other.SaveAsync(
            warehouse.Id, warehouse.Version, new WarehouseInput { Code = "MIL", Name = "Milano Nord" }, CancellationToken.None);
        await dialogs.FindAll(".mud-dialog input")[1].ChangeAsync(new() { Value = "Milano Sud" });
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Save")).ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("Someone else changed", dialogs.Find("[data-testid=conflict]").TextContent));
        await using var db = data.CreateDbContext();
        Assert.Equal("Milano Nord", (await db.Warehouses.SingleAsync()).Name);
    }

    [Fact]
    public async Task SecretDialogRotatesAndMasks()
    {
        const string next = "whsec-next-0123456789abcdefNEXT";
        var warehouse = await data.AddWarehouseAsync("MIL");
        Guid channelId;
        await using (var db = data.CreateDbContext())
        {
            var channel = new SalesChannelBuilder(warehouse.Id, protector.Protect(Secret)).Build();
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
            channelId = channel.Id;
        }

        var page = RenderWithPopovers<Channels>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=channels] tbody tr")));
        _ = page.Find("[data-testid=channels] button[title='Webhook secret']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("••••QRST", dialogs.Find(".mud-dialog").TextContent));

        await dialogs.Find(".mud-dialog input[type=password]").ChangeAsync(new() { Value = next });
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Rotate secret")).ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("••••NEXT", dialogs.Find(".mud-dialog").TextContent));
        Assert.Contains("••••QRST", dialogs.Find(".mud-dialog").TextContent);
        Assert.DoesNotContain(next, dialogs.Markup);
        Assert.DoesNotContain(Secret, dialogs.Markup);
        await using (var db = data.CreateDbContext())
        {
            var stored = await db.Channels.SingleAsync(c => c.Id == channelId);
            Assert.Equal(next, protector.Unprotect(stored.WebhookSecretProtected));
            Assert.Equal(Secret, protector.Unprotect(stored.PreviousWebhookSecretProtected));
        }
    }

    private IRenderedComponent<TPage> RenderWithPopovers<TPage>(
        Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        context.Render<MudPopoverProvider>();
        dialogs = context.Render<MudDialogProvider>();
        return context.Render(parameters ?? (_ => { }));
    }

    private sealed class SalesChannelBuilder(Guid warehouseId, string protectedSecret)
    {
        public Core.Channels.SalesChannel Build() => new()
        {
            Name = "Bottega Sintra",
            ShopDomain = "bottega-sintra.myshopify.com",
            OrderWarehouseId = warehouseId,
            WebhookSecretProtected = protectedSecret,
        };
    }
}
