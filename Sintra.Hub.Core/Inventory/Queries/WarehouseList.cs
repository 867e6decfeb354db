using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Queries;

/// <summary>
/// A warehouse with the number of items (variants) that have a stock level in it and their total on hand.
/// </summary>
public sealed record WarehouseRow(
    Guid Id,
    string Code,
    string Name,
    string? Address,
    bool IsActive,
    long Version,
    int ItemCount,
    int TotalOnHand);

/// <summary>Reads the warehouse list with stock counts, active and inactive alike.</summary>
public sealed class WarehouseListService(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>Reads every warehouse, ordered by code.</summary>
    public async Task<IReadOnlyList<WarehouseRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Warehouses.AsNoTracking()
            .OrderBy(w => w.Code)
            .Select(w => new WarehouseRow(
                w.Id,
                w.Code,
                w.Name,
                w.Address,
                w.IsActive,
                w.Version,
                db.InventoryLevels.Count(l => l.WarehouseId == w.Id),
                db.InventoryLevels.Where(l => l.WarehouseId == w.Id).Sum(l => (int?)l.OnHand) ?? 0))
            .ToListAsync(cancellationToken);
    }
}
