using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>The variants by key and the active warehouses by code, loaded once per preview.</summary>
internal sealed class StockImportCatalog
{
    private StockImportCatalog(
        Dictionary<string, VariantMatch> variants,
        Dictionary<string, Warehouse> warehouses,
        Warehouse? fixedWarehouse)
    {
        Variants = variants;
        Warehouses = warehouses;
        FixedWarehouse = fixedWarehouse;
    }

    /// <summary>Variants by SKU or barcode, compared ordinally; a barcode on several variants has no single match.</summary>
    public Dictionary<string, VariantMatch> Variants { get; }

    /// <summary>Active warehouses by upper-case code.</summary>
    public Dictionary<string, Warehouse> Warehouses { get; }

    public Warehouse? FixedWarehouse { get; }

    public static async Task<StockImportCatalog> LoadAsync(
        HubDbContext db,
        StockImportProfile profile,
        CancellationToken cancellationToken)
    {
        var bySku = profile.KeyKind == StockKeyKind.Sku;
        var variants = await db.Variants.AsNoTracking()
            .Where(v => bySku ? v.Sku != null : v.Barcode != null)
            .Select(v => new { v.Id, v.Sku, v.Barcode })
            .ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, VariantMatch>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            var key = (bySku ? variant.Sku : variant.Barcode)!.Trim();
            byKey[key] = byKey.ContainsKey(key)
                ? VariantMatch.Ambiguous
                : new VariantMatch(variant.Id, variant.Sku);
        }

        var warehouses = await db.Warehouses.AsNoTracking().Where(w => w.IsActive).ToListAsync(cancellationToken);
        var fixedWarehouse = profile.WarehouseColumn is null
            ? warehouses.SingleOrDefault(w => w.Id == profile.WarehouseId)
            : null;
        return new StockImportCatalog(
            variants: byKey,
            warehouses: warehouses.ToDictionary(w => w.Code.ToUpperInvariant(), StringComparer.Ordinal),
            fixedWarehouse);
    }
}

/// <summary>The variant a key matched; <see cref="Ambiguous"/> when several variants share it.</summary>
internal sealed record VariantMatch(Guid Id, string? Sku)
{
    public static VariantMatch Ambiguous { get; } = new(Guid.Empty, null);
}
