namespace Sintra.Hub.Core.Orders.Queries;

/// <summary>Problems an order can be flagged with; a filter with several flags matches orders with any of them.</summary>
[Flags]
public enum OrderFlags
{
    None = 0,
    UnmatchedLines = 1,
    StockShortfall = 2,
    FiscalProblems = 4,
}

/// <summary>Columns the orders grid can sort by. Totals are left out because SQLite cannot sort decimals in SQL.</summary>
public enum OrderSortColumn
{
    PlacedAt,
    Name,
    Channel,
    CustomerName,
    Email,
    Status,
    FinancialStatus,
}

/// <summary>Filters of the orders grid; null or empty values do not filter.</summary>
/// <param name="PlacedFromUtc">Inclusive lower bound on <see cref="Order.PlacedAt"/>, UTC.</param>
/// <param name="PlacedToUtc">Exclusive upper bound on <see cref="Order.PlacedAt"/>, UTC.</param>
/// <param name="Text">Matched, ignoring case, against order name, e-mail and customer name, and against line SKUs.</param>
/// <param name="Tag">A tag the order must carry, compared in its stored lower-case form.</param>
public sealed record OrderFilter(
    Guid? ChannelId = null,
    OrderStatus? Status = null,
    DateTime? PlacedFromUtc = null,
    DateTime? PlacedToUtc = null,
    string? Text = null,
    OrderFlags Flags = OrderFlags.None,
    string? Tag = null);

/// <summary>One page request of the orders grid.</summary>
/// <param name="Page">Zero-based page index.</param>
public sealed record OrderPageRequest(
    OrderFilter Filter,
    int Page = 0,
    int PageSize = 25,
    OrderSortColumn SortBy = OrderSortColumn.PlacedAt,
    bool Descending = true);

/// <summary>A row of the orders grid.</summary>
public sealed record OrderRow(
    Guid Id,
    string Name,
    Guid ChannelId,
    string ChannelName,
    string ChannelTimeZone,
    DateTime PlacedAt,
    DateOnly BusinessDate,
    string? CustomerName,
    string? Email,
    OrderStatus Status,
    string? FinancialStatus,
    decimal TotalPrice,
    string Currency,
    bool HasUnmatchedLines,
    bool HasStockShortfall,
    bool HasFiscalProblems);

/// <summary>A page of rows and the number of orders that match the filter on all pages.</summary>
public sealed record OrderPage(IReadOnlyList<OrderRow> Rows, int TotalCount);
