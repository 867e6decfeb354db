using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Queries;

namespace Sintra.Hub.Web.Components.Pages.Orders;

/// <summary>
/// The orders grid's filters as they appear in the query string, for example
/// <c>/orders?channel=…&amp;status=Paid&amp;from=2026-12-01&amp;to=2026-12-04&amp;q=rossi&amp;flag=shortfall&amp;tag=urgente</c>.
/// </summary>
/// <param name="From">First day, inclusive, in the shop's time zone.</param>
/// <param name="To">Last day, inclusive, in the shop's time zone.</param>
public sealed record OrderFilterQuery(
    Guid? ChannelId = null,
    OrderStatus? Status = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Text = null,
    OrderFlags Flags = OrderFlags.None,
    string? Tag = null)
{
    public static readonly IReadOnlyList<OrderFlags> AllFlags =
        [OrderFlags.UnmatchedLines, OrderFlags.StockShortfall, OrderFlags.FiscalProblems];

    private static readonly Dictionary<string, OrderFlags> FlagNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["unmatched"] = OrderFlags.UnmatchedLines,
        ["shortfall"] = OrderFlags.StockShortfall,
        ["fiscal"] = OrderFlags.FiscalProblems,
    };

    /// <summary>Reads the query-string values and ignores any value that does not parse.</summary>
    public static OrderFilterQuery Parse(
        Guid? channel, string? status, string? from, string? to, string? text, IEnumerable<string>? flags,
        string? tag = null)
    {
        var flagSet = OrderFlags.None;
        foreach (var name in flags ?? [])
        {
            flagSet |= FlagNames.GetValueOrDefault(name);
        }

        return new OrderFilterQuery(
            channel,
            Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var s) ? s : null,
            ParseDate(from),
            ParseDate(to),
            string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            flagSet,
            OrderTag.Normalize(tag));
    }

    /// <summary>Builds the URL of <paramref name="path"/> with these filters.</summary>
    public string ToUri(string path)
    {
        var query = new List<KeyValuePair<string, string?>>();
        Add(query, "channel", ChannelId?.ToString());
        Add(query, "status", Status?.ToString());
        Add(query, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "q", string.IsNullOrWhiteSpace(Text) ? null : Text.Trim());
        Add(query, "tag", Tag);
        foreach (var (name, flag) in FlagNames)
        {
            Add(query, "flag", Flags.HasFlag(flag) ? name : null);
        }

        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>Converts to the Core filter, with the days as UTC bounds in <paramref name="timeZone"/> (UTC if unknown).</summary>
    public OrderFilter ToFilter(string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new OrderFilter(
            ChannelId,
            Status,
            From is { } from ? StartOfDayUtc(from, zone) : null,
            To is { } to ? StartOfDayUtc(to.AddDays(1), zone) : null,
            Text,
            Flags,
            Tag);
    }

    /// <summary>Maps a grid column's sort key (the row's property name) to the Core sort column.</summary>
    public static OrderSortColumn SortColumn(string? property) => property switch
    {
        nameof(OrderRow.Name) => OrderSortColumn.Name,
        nameof(OrderRow.ChannelName) => OrderSortColumn.Channel,
        nameof(OrderRow.CustomerName) => OrderSortColumn.CustomerName,
        nameof(OrderRow.Email) => OrderSortColumn.Email,
        nameof(OrderRow.Status) => OrderSortColumn.Status,
        nameof(OrderRow.FinancialStatus) => OrderSortColumn.FinancialStatus,
        _ => OrderSortColumn.PlacedAt,
    };

    /// <summary>Returns the resource key of a flag's label.</summary>
    public static string LabelKey(OrderFlags flag) => flag switch
    {
        OrderFlags.UnmatchedLines => "FlagUnmatched",
        OrderFlags.StockShortfall => "FlagShortfall",
        _ => "FlagFiscal",
    };

    private static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static void Add(List<KeyValuePair<string, string?>> query, string key, string? value)
    {
        if (value is not null)
        {
            query.Add(new(key, value));
        }
    }
}
