using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Queries;

/// <summary>Reads the stock ledger of a product's variants, newest movement first.</summary>
public sealed class MovementHistoryService(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>
    /// The largest page that <see cref="ListForProductAsync"/> returns, regardless of the requested size.
    /// </summary>
    public const int MaxPageSize = 200;

    /// <summary>Counts the movements of every variant of the product and reads one page of them.</summary>
    public async Task<MovementPage> ListForProductAsync(
        Guid productId,
        int skip,
        int take,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var movements =
            from m in db.InventoryMovements.AsNoTracking()
            join v in db.Variants on m.VariantId equals v.Id
            join w in db.Warehouses on m.WarehouseId equals w.Id
            where v.ProductId == productId
            select new { Movement = m, v.Sku, WarehouseCode = w.Code };

        var total = await movements.CountAsync(cancellationToken);

        // Ids are version 7 GUIDs, which sort by creation time as text (SQLite) and as uuid (PostgreSQL), so they
        // order movements written in the same instant. SQL Server sorts uniqueidentifier by its last bytes instead.
        var page = await movements
            .OrderByDescending(x => x.Movement.OccurredAt)
            .ThenByDescending(x => x.Movement.Id)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(x => new MovementRow(
                x.Movement.Id,
                x.Movement.OccurredAt,
                x.WarehouseCode,
                x.Sku,
                x.Movement.Reason,
                x.Movement.OnHandDelta,
                x.Movement.ReservedDelta,
                x.Movement.UnavailableDelta,
                x.Movement.OnHandAfter,
                x.Movement.ReservedAfter,
                x.Movement.UnavailableAfter,
                x.Movement.ReferenceType,
                x.Movement.ReferenceId,
                x.Movement.Actor))
            .ToListAsync(cancellationToken);

        return new MovementPage(page, total);
    }
}
