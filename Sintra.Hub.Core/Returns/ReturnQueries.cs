using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Returns;

/// <summary>A row of the staff return list.</summary>
public sealed record ReturnRow(
    Guid Id,
    string Number,
    string OrderName,
    string? CustomerName,
    string? Email,
    ReturnStatus Status,
    int Units,
    DateTime RequestedAt,
    ReturnOrigin Origin);

public sealed record ReturnPage(IReadOnlyList<ReturnRow> Rows, int TotalCount);

/// <summary>A return with its order's lines, photos and timeline, for the staff detail page.</summary>
public sealed record ReturnDetail(
    ReturnRequest Request,
    string OrderName,
    string? CustomerName,
    string? Email,
    string Currency,
    IReadOnlyList<ReturnDetailLine> Lines,
    IReadOnlyList<ReturnEvent> Timeline,
    ChannelReturnSettings? Settings);

public sealed record ReturnDetailLine(ReturnLine Line, string Title, string? Sku, decimal UnitPrice);

/// <summary>Read-only queries of the staff return pages, untracked.</summary>
public sealed class ReturnQueries(HubDbContext db)
{
    /// <summary>Returns a page of returns, newest first, filtered by status and by a search over number, order, name and e-mail.</summary>
    public async Task<ReturnPage> GetPageAsync(ReturnStatus? status, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query =
            from request in db.Set<ReturnRequest>().AsNoTracking()
            join order in db.Orders.AsNoTracking() on request.OrderId equals order.Id
            select new { request, order };
        if (status is not null)
        {
            query = query.Where(x => x.request.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(x => x.request.Number.Contains(term) || x.order.Name.Contains(term)
                || (x.order.CustomerName != null && x.order.CustomerName.Contains(term))
                || (x.order.Email != null && x.order.Email.Contains(term)));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(x => x.request.RequestedAt)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(x => new ReturnRow(
                x.request.Id,
                x.request.Number,
                x.order.Name,
                x.order.CustomerName,
                x.order.Email,
                x.request.Status,
                x.request.Lines.Sum(l => l.Quantity),
                x.request.RequestedAt,
                x.request.Origin))
            .ToListAsync(cancellationToken);
        return new ReturnPage(rows, total);
    }

    public async Task<ReturnDetail?> GetDetailAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.Set<ReturnRequest>().AsNoTracking().Include(r => r.Lines).Include(r => r.Photos)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == request.OrderId, cancellationToken);
        var timeline = await db.Set<ReturnEvent>().AsNoTracking()
            .Where(e => e.ReturnRequestId == id).OrderBy(e => e.OccurredAt).ToListAsync(cancellationToken);
        var settings = await db.Set<ChannelReturnSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == request.ChannelId, cancellationToken);
        var lines = request.Lines.Select(l =>
        {
            var orderLine = order.Lines.Single(o => o.Id == l.OrderLineId);
            return new ReturnDetailLine(l, orderLine.Title, orderLine.Sku, orderLine.Price);
        }).ToList();
        return new ReturnDetail(request, order.Name, order.CustomerName, order.Email, order.Currency, lines, timeline, settings);
    }
}
