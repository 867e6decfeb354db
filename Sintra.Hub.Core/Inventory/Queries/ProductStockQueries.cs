using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Queries;

/// <summary>One variant in one warehouse, with zeros where the variant has no level there yet.</summary>
public sealed record ItemLevelRow(
    Guid VariantId,
    string? Sku,
    string VariantTitle,
    Guid WarehouseId,
    string WarehouseCode,
    string WarehouseName,
    int OnHand,
    int Reserved,
    int Unavailable)
{
    public int Available => OnHand - Reserved - Unavailable;
}

/// <summary>Reads the levels that staff may act on from the product page.</summary>
public sealed class ProductStockQueries(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>
    /// Lists every variant of the product in every active warehouse, and in inactive ones where it has a level, ordered
    /// by variant position and warehouse code.
    /// </summary>
    public async Task<IReadOnlyList<ItemLevelRow>> ListAsync(Guid productId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var variants = await db.Variants.AsNoTracking()
            .Where(v => v.ProductId == productId)
            .OrderBy(v => v.Position)
            .ToListAsync(cancellationToken);
        var variantIds = variants.Select(v => v.Id).ToList();
        var levels = await db.InventoryLevels.AsNoTracking()
            .Where(l => variantIds.Contains(l.VariantId))
            .ToListAsync(cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().OrderBy(w => w.Code).ToListAsync(cancellationToken);

        var rows = new List<ItemLevelRow>();
        foreach (var variant in variants)
        {
            foreach (var warehouse in warehouses)
            {
                var level = levels.FirstOrDefault(l => l.VariantId == variant.Id && l.WarehouseId == warehouse.Id);
                if (level is null && !warehouse.IsActive)
                {
                    continue;
                }

                rows.Add(new ItemLevelRow(
                    variant.Id,
                    variant.Sku,
                    variant.Title,
                    warehouse.Id,
                    warehouse.Code,
                    warehouse.Name,
                    level?.OnHand ?? 0,
                    level?.Reserved ?? 0,
                    level?.Unavailable ?? 0));
            }
        }

        return rows;
    }
}
