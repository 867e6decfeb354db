using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Queries;

/// <summary>An open order line that could not reserve all its units.</summary>
public sealed record ShortfallLineRow(
    Guid OrderId,
    string OrderName,
    DateTime PlacedAt,
    string? Sku,
    string Title,
    Guid? ProductId,
    int Quantity,
    int ShortfallQuantity);

/// <summary>A level whose available quantity is negative, so units are owed to orders already taken.</summary>
public sealed record NegativeLevelRow(
    Guid ProductId,
    string ProductTitle,
    string? Sku,
    string WarehouseCode,
    int OnHand,
    int Reserved,
    int Unavailable)
{
    public int Available => OnHand - Reserved - Unavailable;
}

/// <summary>An open stock check issue with the item and warehouse it concerns.</summary>
public sealed record StockIssueRow(
    Guid Id,
    Guid ProductId,
    string? Sku,
    string WarehouseCode,
    StockQuantity Quantity,
    int LevelValue,
    int LedgerValue,
    int? OpenReservations,
    string? Documents,
    DateTime DetectedAt,
    DateTime LastSeenAt);

/// <summary>Counts for the dashboard: what needs a person's attention in stock.</summary>
public sealed record StockAttentionCounts(int ShortfallLines, int NegativeLevels, int OpenIssues);

/// <summary>Reads shortfalls, negative levels and open stock check issues for the stock pages and the dashboard.</summary>
public sealed class StockAttentionQueries(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>The largest number of rows a list returns.</summary>
    public const int MaxRows = 500;

    /// <summary>Counts shortfall lines of open orders, negative levels and open issues.</summary>
    public async Task<StockAttentionCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var lines = await ShortfallLines(db).CountAsync(cancellationToken);
        var levels = await db.InventoryLevels.CountAsync(l => l.OnHand - l.Reserved - l.Unavailable < 0, cancellationToken);
        var issues = await db.StockCheckIssues.CountAsync(i => i.Status == StockCheckIssueStatus.Open, cancellationToken);
        return new StockAttentionCounts(lines, levels, issues);
    }

    /// <summary>Lists shortfall lines of open orders, oldest order first.</summary>
    public async Task<IReadOnlyList<ShortfallLineRow>> ListShortfallLinesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows =
            from l in ShortfallLines(db)
            join o in db.Orders on l.OrderId equals o.Id
            join v in db.Variants on l.VariantId equals v.Id into variants
            from v in variants.DefaultIfEmpty()
            orderby o.PlacedAt, o.Name
            select new ShortfallLineRow(
                o.Id,
                o.Name,
                o.PlacedAt,
                l.Sku,
                l.Title,
                v == null ? null : v.ProductId,
                l.Quantity,
                l.ShortfallQuantity);
        return await rows.Take(MaxRows).ToListAsync(cancellationToken);
    }

    /// <summary>Lists levels with negative available, largest shortfall first.</summary>
    public async Task<IReadOnlyList<NegativeLevelRow>> ListNegativeLevelsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows =
            from l in db.InventoryLevels.AsNoTracking()
            join v in db.Variants on l.VariantId equals v.Id
            join p in db.Products on v.ProductId equals p.Id
            join w in db.Warehouses on l.WarehouseId equals w.Id
            where l.OnHand - l.Reserved - l.Unavailable < 0
            orderby l.OnHand - l.Reserved - l.Unavailable, v.Sku
            select new NegativeLevelRow(p.Id, p.Title, v.Sku, w.Code, l.OnHand, l.Reserved, l.Unavailable);
        return await rows.Take(MaxRows).ToListAsync(cancellationToken);
    }

    /// <summary>Lists open stock check issues, oldest first.</summary>
    public async Task<IReadOnlyList<StockIssueRow>> ListOpenIssuesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows =
            from i in db.StockCheckIssues.AsNoTracking()
            join v in db.Variants on i.VariantId equals v.Id
            join w in db.Warehouses on i.WarehouseId equals w.Id
            where i.Status == StockCheckIssueStatus.Open
            orderby i.DetectedAt, v.Sku
            select new StockIssueRow(
                i.Id,
                v.ProductId,
                v.Sku,
                w.Code,
                i.Quantity,
                i.LevelValue,
                i.LedgerValue,
                i.OpenReservations,
                i.Documents,
                i.DetectedAt,
                i.LastSeenAt);
        return await rows.Take(MaxRows).ToListAsync(cancellationToken);
    }

    private static IQueryable<OrderLine> ShortfallLines(HubDbContext db) =>
        db.OrderLines.AsNoTracking().Where(l => l.ShortfallQuantity > 0
            && db.Orders.Any(o => o.Id == l.OrderId
                && o.Status != OrderStatus.Cancelled
                && o.Status != OrderStatus.Closed));
}
