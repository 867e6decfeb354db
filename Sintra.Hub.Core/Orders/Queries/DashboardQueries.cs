using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Core.Orders.Queries;

/// <summary>An amount of money in one currency.</summary>
public sealed record MoneyTotal(string Currency, decimal Amount);

/// <summary>Today's orders of one channel, today being the date in the channel's time zone.</summary>
public sealed record ChannelToday(Guid ChannelId, string ChannelName, DateOnly Today, int OrderCount, IReadOnlyList<MoneyTotal> Totals);

/// <summary>Orders whose business date is <paramref name="Date"/>, over all channels.</summary>
public sealed record DailyOrderCount(DateOnly Date, int Count);

/// <summary>The figures of the home dashboard.</summary>
public sealed record DashboardSummary(
    IReadOnlyList<ChannelToday> Today,
    IReadOnlyList<DailyOrderCount> LastDays,
    int UnmatchedOrders,
    int ShortfallOrders,
    int FiscalProblemOrders,
    int FailedInboxMessages);

/// <summary>
/// Counts and totals for the home dashboard. Today's figures and the chart leave cancelled orders out. The flagged
/// counts include them, so that each count equals the rows of the orders grid filtered by that flag.
/// </summary>
public sealed class DashboardQueries(HubDbContext db)
{
    public const int ChartDays = 30;

    /// <summary>Computes the dashboard at <paramref name="nowUtc"/>.</summary>
    public async Task<DashboardSummary> GetSummaryAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.TimeZone })
            .ToListAsync(cancellationToken);

        var today = new List<ChannelToday>();
        foreach (var channel in channels)
        {
            var date = LocalDate(nowUtc, channel.TimeZone);
            var amounts = await Open()
                .Where(o => o.ChannelId == channel.Id && o.BusinessDate == date)
                .Select(o => new { o.Currency, o.TotalPrice })
                .ToListAsync(cancellationToken);

            // SQLite cannot sum decimals in SQL, so the narrow projection is summed here.
            var totals = amounts.GroupBy(a => a.Currency)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new MoneyTotal(g.Key, g.Sum(a => a.TotalPrice)))
                .ToList();
            today.Add(new ChannelToday(channel.Id, channel.Name, date, amounts.Count, totals));
        }

        // The chart's days follow the first channel's time zone, because a merchant's shops normally share one.
        var lastDay = LocalDate(nowUtc, channels.FirstOrDefault()?.TimeZone ?? "UTC");
        var firstDay = lastDay.AddDays(1 - ChartDays);
        var counts = await Open()
            .Where(o => o.BusinessDate >= firstDay && o.BusinessDate <= lastDay)
            .GroupBy(o => o.BusinessDate)
            .Select(g => new { Date = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Date, x => x.Count, cancellationToken);
        var days = Enumerable.Range(0, ChartDays)
            .Select(i => firstDay.AddDays(i))
            .Select(d => new DailyOrderCount(d, counts.GetValueOrDefault(d)))
            .ToList();

        return new DashboardSummary(
            today,
            days,
            await db.Orders.CountAsync(o => o.HasUnmatchedLines, cancellationToken),
            await db.Orders.CountAsync(o => o.HasStockShortfall, cancellationToken),
            await db.Orders.CountAsync(o => o.HasFiscalProblems, cancellationToken),
            await db.InboxMessages.CountAsync(m => m.Status == InboxStatus.Failed, cancellationToken));
    }

    /// <summary>
    /// Returns the calendar date of <paramref name="utc"/> in the IANA time zone <paramref name="timeZone"/>, or in
    /// UTC when the zone is unknown.
    /// </summary>
    public static DateOnly LocalDate(DateTime utc, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
    }

    private IQueryable<Order> Open() => db.Orders.AsNoTracking().Where(o => o.Status != OrderStatus.Cancelled);
}
