using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Queries;
using Sintra.Hub.Web.Components.Pages.Orders;

namespace Sintra.Hub.Tests.Ui;

public sealed class OrderFilterQueryTests
{
    [Fact]
    public void UriRoundTripKeepsEveryFilter()
    {
        var channel = Guid.NewGuid();
        var filters = new OrderFilterQuery(
            channel, OrderStatus.Paid, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4), "rossi",
            OrderFlags.StockShortfall | OrderFlags.FiscalProblems);

        var uri = new Uri("http://localhost" + filters.ToUri("/orders"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        var parsed = OrderFilterQuery.Parse(
            Guid.Parse(query["channel"]!), query["status"], query["from"], query["to"], query["q"], query["flag"]!);

        Assert.Equal(filters, parsed);
        Assert.Equal("from=2026-12-01", uri.Query.Split('&').Single(p => p.StartsWith("from=", StringComparison.Ordinal)));
    }

    [Fact]
    public void DaysBecomeShopTimeBounds()
    {
        var filters = new OrderFilterQuery(From: new DateOnly(2026, 12, 1), To: new DateOnly(2026, 12, 1));

        var filter = filters.ToFilter("Europe/Rome");

        Assert.Equal(new DateTime(2026, 11, 30, 23, 0, 0, DateTimeKind.Utc), filter.PlacedFromUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc), filter.PlacedToUtc);
    }

    [Fact]
    public void UnknownTimeZoneFallsBackToUtc()
    {
        var filter = new OrderFilterQuery(From: new DateOnly(2026, 7, 1)).ToFilter("Mars/Olympus");

        Assert.Equal(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), filter.PlacedFromUtc);
    }

    [Fact]
    public void InvalidValuesAreIgnored()
    {
        var parsed = OrderFilterQuery.Parse(null, "Teleported", "2026-13-45", "yesterday", "  ", ["bogus", "unmatched"]);

        Assert.Null(parsed.Status);
        Assert.Null(parsed.From);
        Assert.Null(parsed.To);
        Assert.Null(parsed.Text);
        Assert.Equal(OrderFlags.UnmatchedLines, parsed.Flags);
    }
}
