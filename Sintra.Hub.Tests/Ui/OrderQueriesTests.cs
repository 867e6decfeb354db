using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Queries;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Ui;

public sealed class OrderQueriesTests : IAsyncLifetime
{
    private static readonly DateTime Day = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var north = OrderSeed.Channel("Nord Shop", "nord.myshopify.com");
        var south = OrderSeed.Channel("Sud Shop", "sud.myshopify.com");
        var orders = new[]
        {
            OrderSeed.Order(north, "#1001", Day, "Mario Rossi", "mario@example.it", 10m, "MUG-01"),
            OrderSeed.Order(north, "#1002", Day.AddDays(1), "Giulia Bianchi", "giulia@example.it", 20m, "TEE-RED-M"),
            OrderSeed.Order(north, "#1003", Day.AddDays(2), "Luca Verdi", "luca@example.it", 30m, "CAP-09"),
            OrderSeed.Order(south, "#2001", Day.AddDays(3), "Anna Neri", "anna@example.it", 40m, "MUG-01"),
            OrderSeed.Order(south, "#2002", Day.AddDays(4), "Paolo Gialli", "paolo@example.it", 50m, "TEE-BLU-L"),
        };
        orders[1].HasUnmatchedLines = true;
        orders[3].HasStockShortfall = true;
        orders[4].HasFiscalProblems = true;
        orders[4].HasUnmatchedLines = true;
        await using var db = database.CreateDbContext();
        await OrderSeed.SaveAsync(db, [north, south], orders);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task PageFiltersByChannel()
    {
        var south = await ChannelIdAsync("Sud Shop");

        var page = await QueryAsync(new OrderFilter(ChannelId: south));

        Assert.Equal(2, page.TotalCount);
        Assert.Equal(["#2002", "#2001"], page.Rows.Select(r => r.Name));
        Assert.All(page.Rows, r => Assert.Equal("Sud Shop", r.ChannelName));
    }

    [Theory]
    [InlineData("ROSSI", "#1001")]
    [InlineData("giulia@EXAMPLE", "#1002")]
    [InlineData("#2002", "#2002")]
    [InlineData("cap-09", "#1003")]
    public async Task TextSearchMatchesIgnoringCase(string text, string expected)
    {
        var page = await QueryAsync(new OrderFilter(Text: text));

        Assert.Equal(expected, Assert.Single(page.Rows).Name);
    }

    [Fact]
    public async Task TextSearchFindsLineSku()
    {
        var page = await QueryAsync(new OrderFilter(Text: "MUG-01"));

        Assert.Equal(["#2001", "#1001"], page.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task DateRangeIsInclusiveExclusive()
    {
        var page = await QueryAsync(new OrderFilter(PlacedFromUtc: Day.AddDays(1), PlacedToUtc: Day.AddDays(3)));

        Assert.Equal(["#1003", "#1002"], page.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task FlagsMatchAnySelectedFlag()
    {
        var unmatched = await QueryAsync(new OrderFilter(Flags: OrderFlags.UnmatchedLines));
        var shortfallOrFiscal = await QueryAsync(
            new OrderFilter(Flags: OrderFlags.StockShortfall | OrderFlags.FiscalProblems));

        Assert.Equal(["#2002", "#1002"], unmatched.Rows.Select(r => r.Name));
        Assert.Equal(["#2002", "#2001"], shortfallOrFiscal.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task StatusFilterNarrowsRows()
    {
        await using (var db = database.CreateDbContext())
        {
            var order = db.Orders.Single(o => o.Name == "#1003");
            order.MarkPaid();
            await db.SaveChangesAsync();
        }

        var page = await QueryAsync(new OrderFilter(Status: OrderStatus.Paid));

        Assert.Equal("#1003", Assert.Single(page.Rows).Name);
    }

    [Fact]
    public async Task SortsAndPagesByName()
    {
        await using var db = database.CreateDbContext();
        var queries = new OrderQueries(db);

        var first = await queries.GetPageAsync(
            new OrderPageRequest(new OrderFilter(), 0, 2, OrderSortColumn.Name, Descending: false), default);
        var last = await queries.GetPageAsync(
            new OrderPageRequest(new OrderFilter(), 2, 2, OrderSortColumn.Name, Descending: false), default);

        Assert.Equal(5, first.TotalCount);
        Assert.Equal(["#1001", "#1002"], first.Rows.Select(r => r.Name));
        Assert.Equal(["#2002"], last.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task SortsByChannelThenNewest()
    {
        await using var db = database.CreateDbContext();

        var page = await new OrderQueries(db).GetPageAsync(
            new OrderPageRequest(new OrderFilter(), 0, 10, OrderSortColumn.Channel, Descending: true), default);

        Assert.Equal(["Sud Shop", "Sud Shop", "Nord Shop", "Nord Shop", "Nord Shop"], page.Rows.Select(r => r.ChannelName));
    }

    [Fact]
    public async Task RejectsOversizedPage()
    {
        await using var db = database.CreateDbContext();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new OrderQueries(db).GetPageAsync(
            new OrderPageRequest(new OrderFilter(), 0, OrderQueries.MaxPageSize + 1), default));
    }

    [Fact]
    public async Task DashboardSumsTodayPerCurrency()
    {
        var now = Day.AddDays(4).AddHours(2);
        await using (var db = database.CreateDbContext())
        {
            var south = db.Channels.Single(c => c.Name == "Sud Shop");
            db.Orders.Add(OrderSeed.Order(south, "#2003", Day.AddDays(4).AddHours(1), "Sara Blu", "sara@example.it", 7.25m));
            db.Orders.Add(OrderSeed.Order(south, "#2004", Day.AddDays(4), "Ugo Rosa", "ugo@example.it", 12m, currency: "CHF"));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateDbContext();
        var summary = await new DashboardQueries(read).GetSummaryAsync(now, default);

        var southToday = summary.Today.Single(t => t.ChannelName == "Sud Shop");
        Assert.Equal(3, southToday.OrderCount);
        Assert.Equal([new MoneyTotal("CHF", 12m), new MoneyTotal("EUR", 57.25m)], southToday.Totals);
        Assert.Equal(0, summary.Today.Single(t => t.ChannelName == "Nord Shop").OrderCount);
        Assert.Equal(DashboardQueries.ChartDays, summary.LastDays.Count);
        Assert.Equal(3, summary.LastDays[^1].Count);
        Assert.Equal(2, summary.UnmatchedOrders);
        Assert.Equal(1, summary.ShortfallOrders);
        Assert.Equal(1, summary.FiscalProblemOrders);
    }

    private async Task<Guid> ChannelIdAsync(string name)
    {
        await using var db = database.CreateDbContext();
        return db.Channels.Single(c => c.Name == name).Id;
    }

    private async Task<OrderPage> QueryAsync(OrderFilter filter)
    {
        await using var db = database.CreateDbContext();
        return await new OrderQueries(db).GetPageAsync(new OrderPageRequest(filter), default);
    }
}
