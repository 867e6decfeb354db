using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Web.Components.Pages;
using Sintra.Hub.Web.Components.Pages.Catalog;
using Sintra.Hub.Web.Components.Pages.Settings;

namespace Sintra.Hub.Tests.StockSync;

/// <summary>The product page's channel panel and the sync status section, rendered with bUnit over real data.</summary>
public sealed class StockSyncPagesTests : IAsyncLifetime
{
    private readonly BunitContext context = new();
    private StockSyncHarness harness = null!;

    public StockSyncPagesTests()
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
        harness = await StockSyncHarness.StartAsync(buffer: 1);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLogging();
        var contexts = harness.Services.GetRequiredService<IDbContextFactory<HubDbContext>>();
        context.Services.AddSingleton(contexts);
        context.Services.AddScoped(_ => contexts.CreateDbContext());
        context.Services.AddSingleton(harness.Services.GetRequiredService<ChannelSecretProtector>());
        context.Services.AddSingleton<TimeProvider>(harness.Clock);
        context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        context.Services.AddAdminPages();
        context.Services.AddProductInformation();
        context.Services.AddStockSyncServices();
        context.Services.AddCatalogPush();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized("admin@sintra.test");
        authorization.SetRoles("Admin");
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task PanelShowsOnHandBreakdown()
    {
        var variant = (await harness.AddVariantsAsync(hubOnHand: 9, shopOnHand: 0, "PANEL-1"))[0];
        await harness.ReserveForOrderAsync(variant, 2);
        await harness.ProcessOutboxAsync();
        var product = await harness.InScopeAsync(s => s.GetRequiredService<HubDbContext>().Products
            .Where(p => p.Variants.Any(v => v.Id == variant.Id)).Select(p => p.Id).SingleAsync());

        var page = context.Render<ProductDetail>(p => p.Add(d => d.Id, product));

        page.WaitForAssertion(() => page.Find("[data-testid=channel-stock] tbody tr"), TimeSpan.FromSeconds(5));
        var cells = page.Find("[data-testid=channel-stock] tbody tr").QuerySelectorAll("td")
            .Select(c => c.TextContent.Trim()).ToList();

        // 9 on hand - 2 reserved - 1 buffer = 6 channel stock, plus the 2 reserved units = 8 on hand written.
        Assert.Equal("Negozio online", cells[0]);
        Assert.Equal("PANEL-1", cells[1]);
        Assert.Contains("BO: 9 / 2 /", cells[3]);
        Assert.Equal(["1", "none", "6", "2", "8", "8"], cells[4..]);
    }

    [Fact]
    public async Task StatusListsUnlinkedSku()
    {
        await harness.AddVariantsAsync(hubOnHand: 3, shopOnHand: null, "ASSENTE-1");
        await harness.ProcessOutboxAsync();

        var page = context.Render<ChannelSyncStatusView>(p => p.Add(v => v.ChannelId, harness.Channel.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=sync-link-errors]"), TimeSpan.FromSeconds(5));
        Assert.Contains("ASSENTE-1", page.Find("[data-testid=sync-link-errors]").TextContent);
        Assert.Contains("was not found", page.Find("[data-testid=sync-link-errors]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=sync-pending]").TextContent.Trim());
    }

    [Fact]
    public void SyncPageNeverShowsToken()
    {
        context.Render<MudPopoverProvider>();
        var page = context.Render<ChannelSync>(p => p.Add(v => v.ChannelId, harness.Channel.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=sync-connection]"), TimeSpan.FromSeconds(5));
        Assert.Contains("A token is stored.", page.Find("[data-testid=sync-connection]").TextContent);
        Assert.Equal(string.Empty, page.Find("input[type=password]").GetAttribute("value") ?? string.Empty);
        Assert.DoesNotContain(harness.Server.AccessToken, page.Markup);
        Assert.Contains(harness.Server.BaseAddress.ToString(), page.Markup);
    }
}
