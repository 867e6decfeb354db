using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>Matches a read catalog with the database and decides what each product and variant needs.</summary>
internal sealed class ImportPlanner(HubDbContext db)
{
    public async Task<ImportPlan> PlanAsync(
        ImportedCatalog catalog,
        ImportRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new List<ImportRowError>(catalog.Errors);
        var handles = catalog.Products.Select(p => p.Handle).ToList();
        var existing = await db.Products
            .Include(p => p.Variants)
            .Include(p => p.Images)
            .Where(p => EF.Parameter(handles).Contains(p.Handle))
            .AsSplitQuery()
            .ToDictionaryAsync(p => p.Handle, StringComparer.Ordinal, cancellationToken);

        // EF.Parameter sends each list as one JSON parameter: one parameter per value would exceed SQLite's limit
        // of 32,766 variables (and SQL Server's 2,100) on a large file.
        var skus = catalog.Products.SelectMany(p => p.Variants).Select(v => v.Sku).OfType<string>().Distinct().ToList();
        var owners = await db.Variants
            .Where(v => v.Sku != null && EF.Parameter(skus).Contains(v.Sku))
            .Select(v => new { Sku = v.Sku!, v.Product!.Handle })
            .ToDictionaryAsync(v => v.Sku, v => v.Handle, StringComparer.Ordinal, cancellationToken);

        var warehouse = await FindWarehouseAsync(catalog, request, errors, cancellationToken);
        var firstLineBySku = new Dictionary<string, int>(StringComparer.Ordinal);
        var matches = new List<ProductMatch>();

        foreach (var imported in catalog.Products)
        {
            var product = existing.GetValueOrDefault(imported.Handle);
            var variants = new List<VariantMatch>();
            var optionLines = new Dictionary<string, int>(StringComparer.Ordinal);

            foreach (var variant in imported.Variants)
            {
                CheckSku(catalog, imported, variant, owners, firstLineBySku, errors);
                CheckOptions(imported, variant, optionLines, errors);
                variants.Add(new VariantMatch(variant, FindVariant(product, variant), variants.Count + 1));
            }

            matches.Add(new ProductMatch(imported, product, variants));
        }

        var quantityChanges = warehouse is null ? 0 : await CountQuantityChangesAsync(matches, warehouse, cancellationToken);
        var preview = new ImportPreview(
            request.ImportId,
            matches.Select(ImportComparer.Describe).ToList(),
            errors.OrderBy(e => e.Line).ToList(),
            catalog.SkippedRows,
            quantityChanges);
        return new ImportPlan(preview, matches, warehouse);
    }

    private async Task<Warehouse?> FindWarehouseAsync(
        ImportedCatalog catalog,
        ImportRequest request,
        List<ImportRowError> errors,
        CancellationToken cancellationToken)
    {
        if (request.WarehouseCode is null || !catalog.HasQuantityColumn)
        {
            return null;
        }

        var warehouses = await db.Warehouses.Where(w => w.IsActive).ToListAsync(cancellationToken);
        var warehouse = warehouses.FirstOrDefault(w => w.Code == request.WarehouseCode)
            ?? warehouses.FirstOrDefault(
                w => string.Equals(w.Code, request.WarehouseCode, StringComparison.OrdinalIgnoreCase));
        if (warehouse is null)
        {
            var codes = warehouses.Count == 0 ? "none exists yet" : string.Join(", ", warehouses.Select(w => w.Code));
            errors.Add(new ImportRowError(
                0,
                null,
                request.WarehouseCode,
                $"Warehouse '{request.WarehouseCode}' was not found. Active codes: {codes}."));
        }

        return warehouse;
    }

    private static void CheckSku(
        ImportedCatalog catalog,
        ImportedProduct product,
        ImportedVariant variant,
        Dictionary<string, string> owners,
        Dictionary<string, int> firstLineBySku,
        List<ImportRowError> errors)
    {
        if (variant.Sku is null)
        {
            return;
        }

        if (!firstLineBySku.TryAdd(variant.Sku, variant.Line))
        {
            errors.Add(new ImportRowError(variant.Line, catalog.SkuColumn, variant.Sku,
                $"SKU '{variant.Sku}' is already used on line {firstLineBySku[variant.Sku]}. "
                + "Give each variant its own SKU."));
        }
        else if (owners.TryGetValue(variant.Sku, out var owner) && owner != product.Handle)
        {
            errors.Add(new ImportRowError(variant.Line, catalog.SkuColumn, variant.Sku,
                $"SKU '{variant.Sku}' already belongs to product '{owner}'. "
                + "Change the SKU or import the row under that handle."));
        }
    }

    private static void CheckOptions(
        ImportedProduct product,
        ImportedVariant variant,
        Dictionary<string, int> optionLines,
        List<ImportRowError> errors)
    {
        var key = string.Join('\u001f', variant.Option1, variant.Option2, variant.Option3);
        if (!optionLines.TryAdd(key, variant.Line))
        {
            var title = ImportComparer.VariantTitle(variant);
            errors.Add(new ImportRowError(variant.Line, "Option1 Value", title,
                $"Product '{product.Handle}' already has a variant '{title}' on line {optionLines[key]}; "
                + "give each variant a different combination of option values."));
        }
    }

    private static ProductVariant? FindVariant(Product? product, ImportedVariant variant)
    {
        if (product is null)
        {
            return null;
        }

        if (variant.Sku is not null)
        {
            var bySku = product.Variants.FirstOrDefault(v => v.Sku == variant.Sku);
            if (bySku is not null)
            {
                return bySku;
            }
        }

        // A variant without a SKU, or one getting its first SKU, is the one with the same option values.
        return product.Variants.FirstOrDefault(v =>
            (v.Sku is null || v.Sku == variant.Sku)
            && v.Option1 == variant.Option1
            && v.Option2 == variant.Option2
            && v.Option3 == variant.Option3);
    }

    private async Task<int> CountQuantityChangesAsync(
        List<ProductMatch> matches,
        Warehouse warehouse,
        CancellationToken cancellationToken)
    {
        var variantIds = matches.SelectMany(m => m.Variants).Select(v => v.Existing?.Id).OfType<Guid>().ToList();
        var onHand = await db.InventoryLevels
            .Where(l => l.WarehouseId == warehouse.Id && EF.Parameter(variantIds).Contains(l.VariantId))
            .ToDictionaryAsync(l => l.VariantId, l => l.OnHand, cancellationToken);

        return matches.SelectMany(m => m.Variants).Count(v =>
            v.Imported.Quantity is { } quantity
            && quantity != (v.Existing is null ? 0 : onHand.GetValueOrDefault(v.Existing.Id)));
    }
}
