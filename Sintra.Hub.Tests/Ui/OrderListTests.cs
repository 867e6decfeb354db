using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Web.Components.Pages.Orders;

namespace Sintra.Hub.Tests.Ui;

public sealed class OrderListTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly BunitContext context = new();
    private TestDatabase database = null!;
    private Guid southId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var north = OrderSeed.Channel("Nord Shop", "nord.myshopify.com");
        var south = OrderSeed.Channel("Sud Shop", "sud.myshopify.com");
        southId = south.Id;

        // 27 orders of the north shop (#1001 oldest) and 3 of the south shop, one per hour.
        var orders = Enumerable.Range(0, 27)
            .Select(i => OrderSeed.Order(north, $"#{1001 + i}", Start.AddHours(i), $"Cliente {i}", $"c{i}@example.it", 10m + i))
            .Concat(Enumerable.Range(0, 3)
                .Select(i => OrderSeed.Order(south, $"#S{501 + i}", Start.AddHours(40 + i), $"Sud {i}", $"s{i}@example.it", 5m)))
            .ToList();
        await using (var db = database.CreateDbContext())
        {
            await OrderSeed.SaveAsync(db, [north, south], orders);
        }

        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddSingleton<IDbContextFactory<HubDbContext>>(new TestDbContextFactory(database));
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public void GridShowsNewestOrdersFirst()
    {
        var grid = RenderOrders("/orders");

        grid.WaitForAssertion(() => Assert.Equal(25, Rows(grid).Count), TimeSpan.FromSeconds(10));
        Assert.Equal("#S503", FirstCell(Rows(grid)[0]));
        Assert.Equal("#1006", FirstCell(Rows(grid)[24]));
        Assert.Contains("Sud Shop", Rows(grid)[0].TextContent);
        Assert.Contains("EUR", Rows(grid)[0].TextContent);
    }

    [Fact]
    public void ChannelInQueryNarrowsRows()
    {
        var grid = RenderOrders($"/orders?channel={southId}");

        grid.WaitForAssertion(() => Assert.Equal(3, Rows(grid).Count), TimeSpan.FromSeconds(10));
        Assert.All(Rows(grid), row => Assert.Contains("Sud Shop", row.TextContent));
    }

    [Fact]
    public void NextPageShowsRemainingRows()
    {
        var grid = RenderOrders("/orders");
        grid.WaitForAssertion(() => Assert.Equal(25, Rows(grid).Count), TimeSpan.FromSeconds(10));

        grid.Find("button[aria-label='Next page']").Click();

        grid.WaitForAssertion(() => Assert.Equal(5, Rows(grid).Count), TimeSpan.FromSeconds(10));
        Assert.Equal(["#1005", "#1004", "#1003", "#1002", "#1001"], Rows(grid).Select(FirstCell));
    }

    [Fact]
    public void HeaderClickSortsByName()
    {
        var grid = RenderOrders("/orders");
        grid.WaitForAssertion(() => Assert.Equal(25, Rows(grid).Count), TimeSpan.FromSeconds(10));

        grid.FindAll("th .sortable-column-header")[0].Click();

        grid.WaitForAssertion(() => Assert.Equal("#1001", FirstCell(Rows(grid)[0])), TimeSpan.FromSeconds(10));
        Assert.Equal("#1002", FirstCell(Rows(grid)[1]));
    }

    [Fact]
    public void EmptyResultShowsEmptyState()
    {
        var grid = RenderOrders("/orders?q=nessuno-corrisponde");

        grid.WaitForAssertion(() => Assert.NotNull(grid.Find("[data-testid='orders-empty']")), TimeSpan.FromSeconds(10));
        Assert.Empty(Rows(grid));
    }

    private IRenderedComponent<IComponent> RenderOrders(string uri)
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<OrderList>(1);
            builder.CloseComponent();
        });
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<IComponent> grid) =>
        grid.FindAll("tbody tr.mud-table-row").ToList();

    // The first cell contains the row's selection checkbox, so the order name is in the second.
    private static string FirstCell(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td")[1].TextContent.Trim();

    private sealed class TestDbContextFactory(TestDatabase database) : IDbContextFactory<HubDbContext>
    {
        public HubDbContext CreateDbContext() => database.CreateDbContext();
    }
}
