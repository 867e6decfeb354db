using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>
/// Turns the entries of a stock file into a <see cref="StockImportPreview"/>: checks every record, matches keys to
/// variants and warehouses, and computes each item's on hand after the import from the current levels.
/// </summary>
public sealed class StockImportPlanner(HubDbContext db)
{
    /// <summary>
    /// Builds the preview. <paramref name="countedAt"/> (UTC) is the moment of a full count for records without a
    /// counted-at column value; the on-hand change recorded after a record's count time is added to its count.
    /// </summary>
    public async Task<StockImportPreview> PlanAsync(
        StockImportProfile profile,
        IAsyncEnumerable<StockFileEntry> entries,
        DateTime countedAt,
        CancellationToken cancellationToken)
    {
        var catalog = await StockImportCatalog.LoadAsync(db, profile, cancellationToken);
        var checker = new StockRowChecker(profile, catalog, countedAt);
        IReadOnlyList<string> header = [];
        StockFileFailure? failure = null;
        var dataRows = 0;
        var blankRows = 0;

        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            switch (entry)
            {
                case StockFileHeader h:
                    header = h.Names;
                    break;
                case StockFileBlankRow:
                    blankRows++;
                    break;
                case StockFileRow row:
                    dataRows++;
                    checker.Check(row);
                    break;
                case StockFileFailure f:
                    failure = f;
                    break;
            }
        }

        if (failure is null && dataRows == 0)
        {
            failure = new StockFileFailure(header.Count > 0 ? 1 : 0, StockFileErrorCode.Empty, null);
        }

        var rows = await ComputeTargetsAsync(profile.Mode, checker, cancellationToken);
        return new StockImportPreview(profile.Mode, header, rows, checker.SortedErrors(), failure, dataRows, blankRows);
    }

    private async Task<List<StockPreviewRow>> ComputeTargetsAsync(
        StockImportMode mode,
        StockRowChecker checker,
        CancellationToken cancellationToken)
    {
        var items = checker.ValidRows;
        var warehouseIds = items.Select(i => i.WarehouseId).Distinct().ToList();
        var levels = await db.InventoryLevels.AsNoTracking()
            .Where(l => warehouseIds.Contains(l.WarehouseId))
            .Select(l => new { l.VariantId, l.WarehouseId, l.OnHand, l.Reserved })
            .ToDictionaryAsync(l => (l.VariantId, l.WarehouseId), cancellationToken);

        var since = mode == StockImportMode.FullCount && items.Count > 0
            ? await LoadChangesSinceAsync(warehouseIds, items.Min(i => i.CountedAt!.Value), cancellationToken)
            : [];

        var rows = new List<StockPreviewRow>(items.Count);
        foreach (var item in items)
        {
            var level = levels.GetValueOrDefault((item.VariantId, item.WarehouseId));
            var onHand = level?.OnHand ?? 0;
            var changeSince = 0;
            if (mode == StockImportMode.FullCount
                && since.TryGetValue((item.VariantId, item.WarehouseId), out var changes))
            {
                changeSince = changes.Where(c => c.OccurredAt > item.CountedAt).Sum(c => c.OnHandDelta);
            }

            var target = mode == StockImportMode.FullCount ? item.Quantity + changeSince : onHand + item.Quantity;
            if (target < 0)
            {
                checker.AddError(item.Row, StockRowErrorCode.BelowZero, StockRowChecker.QuantityField, target);
                continue;
            }

            rows.Add(new StockPreviewRow(
                item.Row.Line, item.Row.Key, item.VariantId, item.Sku, item.WarehouseId, item.WarehouseCode,
                item.Quantity, item.CountedAt, onHand, level?.Reserved ?? 0, changeSince, target));
        }

        return rows;
    }

    private async Task<Dictionary<(Guid, Guid), List<OnHandChange>>> LoadChangesSinceAsync(
        List<Guid> warehouseIds,
        DateTime from,
        CancellationToken cancellationToken)
    {
        var changes = await db.InventoryMovements.AsNoTracking()
            .Where(m => warehouseIds.Contains(m.WarehouseId) && m.OccurredAt > from && m.OnHandDelta != 0)
            .Select(m => new { m.VariantId, m.WarehouseId, m.OccurredAt, m.OnHandDelta })
            .ToListAsync(cancellationToken);
        return changes
            .GroupBy(m => (m.VariantId, m.WarehouseId))
            .ToDictionary(g => g.Key, g => g.Select(m => new OnHandChange(m.OccurredAt, m.OnHandDelta)).ToList());
    }

    private sealed record OnHandChange(DateTime OccurredAt, int OnHandDelta);
}
