using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders.Queries;

/// <summary>Read-only queries of the orders grid: filtering, sorting and paging run in SQL.</summary>
public sealed class OrderQueries(HubDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>Loads one page of orders that match the filter, and the total number of matches.</summary>
    public async Task<OrderPage> GetPageAsync(OrderPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.PageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.PageSize, MaxPageSize);

        var orders = Filter(db.Orders.AsNoTracking(), request.Filter);
        var total = await orders.CountAsync(cancellationToken);
        var joined = from o in orders
                     join c in db.Channels on o.ChannelId equals c.Id
                     select new OrderWithChannel { Order = o, ChannelName = c.Name, ChannelTimeZone = c.TimeZone };

        var page = await Sort(joined, request.SortBy, request.Descending)
            .Skip(request.Page * request.PageSize)
            .Take(request.PageSize)
            .Select(x => new OrderRow(
                x.Order.Id, x.Order.Name, x.Order.ChannelId, x.ChannelName, x.ChannelTimeZone, x.Order.PlacedAt,
                x.Order.BusinessDate, x.Order.CustomerName, x.Order.Email, x.Order.Status, x.Order.FinancialStatus,
                x.Order.TotalPrice, x.Order.Currency, x.Order.HasUnmatchedLines, x.Order.HasStockShortfall,
                x.Order.HasFiscalProblems))
            .ToListAsync(cancellationToken);
        return new OrderPage(page, total);
    }

    /// <summary>Applies <paramref name="filter"/> to a query of orders.</summary>
    public static IQueryable<Order> Filter(IQueryable<Order> orders, OrderFilter filter)
    {
        if (filter.ChannelId is { } channelId)
        {
            orders = orders.Where(o => o.ChannelId == channelId);
        }

        if (filter.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (filter.PlacedFromUtc is { } from)
        {
            orders = orders.Where(o => o.PlacedAt >= from);
        }

        if (filter.PlacedToUtc is { } to)
        {
            orders = orders.Where(o => o.PlacedAt < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var lower = text.ToLowerInvariant();
            orders = orders.Where(o =>
                o.Name.ToLower().Contains(lower)
                || (o.Email != null && o.Email.ToLower().Contains(lower))
                || (o.CustomerName != null && o.CustomerName.ToLower().Contains(lower))
                || o.Lines.Any(l => l.Sku != null && l.Sku.ToLower().Contains(lower)));
        }

        if (OrderTag.Normalize(filter.Tag) is { } tag)
        {
            orders = orders.Where(o => o.Tags.Any(t => t.Name == tag));
        }

        return FilterFlags(orders, filter.Flags);
    }

    private static IQueryable<Order> FilterFlags(IQueryable<Order> orders, OrderFlags flags)
    {
        if (flags == OrderFlags.None)
        {
            return orders;
        }

        var unmatched = flags.HasFlag(OrderFlags.UnmatchedLines);
        var shortfall = flags.HasFlag(OrderFlags.StockShortfall);
        var fiscal = flags.HasFlag(OrderFlags.FiscalProblems);
        return orders.Where(o =>
            (unmatched && o.HasUnmatchedLines) || (shortfall && o.HasStockShortfall) || (fiscal && o.HasFiscalProblems));
    }

    private static IQueryable<OrderWithChannel> Sort(
        IQueryable<OrderWithChannel> orders,
        OrderSortColumn column,
        bool descending)
    {
        // The id breaks ties, so that paging is stable when many orders share a value.
        var sorted = column switch
        {
            OrderSortColumn.Name => OrderBy(orders, x => x.Order.Name, descending),
            OrderSortColumn.Channel => OrderBy(orders, x => x.ChannelName, descending),
            OrderSortColumn.CustomerName => OrderBy(orders, x => x.Order.CustomerName, descending),
            OrderSortColumn.Email => OrderBy(orders, x => x.Order.Email, descending),
            OrderSortColumn.Status => OrderBy(orders, x => x.Order.Status, descending),
            OrderSortColumn.FinancialStatus => OrderBy(orders, x => x.Order.FinancialStatus, descending),
            _ => OrderBy(orders, x => x.Order.PlacedAt, descending),
        };
        return descending ? sorted.ThenByDescending(x => x.Order.Id) : sorted.ThenBy(x => x.Order.Id);
    }

    private static IOrderedQueryable<OrderWithChannel> OrderBy<TKey>(
        IQueryable<OrderWithChannel> orders,
        Expression<Func<OrderWithChannel, TKey>> key,
        bool descending) =>
        descending ? orders.OrderByDescending(key) : orders.OrderBy(key);

    // Member initialisation, not a constructor, so that EF Core can translate sorting on these properties.
    private sealed class OrderWithChannel
    {
        public required Order Order { get; init; }

        public required string ChannelName { get; init; }

        public required string ChannelTimeZone { get; init; }
    }
}
