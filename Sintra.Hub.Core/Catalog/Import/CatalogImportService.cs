using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>
/// Compares a read catalog with the database and applies it: products matched by handle, variants by SKU or,
/// without one, by option values. Variants and products missing from the file are left as they are.
/// </summary>
public sealed partial class CatalogImportService(
    HubDbContext db,
    StockLedger ledger,
    ProductVersionService versioning,
    TimeProvider clock,
    ILogger<CatalogImportService> logger)
{
    /// <summary>Computes what <see cref="ApplyAsync"/> would write, with every row error, and writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(
        ImportedCatalog catalog,
        ImportRequest request,
        CancellationToken cancellationToken)
    {
        var plan = await new ImportPlanner(db).PlanAsync(catalog, request, cancellationToken);
        var preview = plan.Preview;
        LogPreviewed(
            logger,
            request.ImportId,
            preview.Count(ImportChange.Create),
            preview.Count(ImportChange.Update),
            preview.Count(ImportChange.Unchanged),
            preview.Errors.Count);
        return preview;
    }

    /// <summary>
    /// Writes products, variants, images, the initial counts and a version of each changed product in one transaction. Nothing is written when the
    /// preview computed inside that transaction has any error.
    /// </summary>
    public async Task<ImportResult> ApplyAsync(
        ImportedCatalog catalog,
        ImportRequest request,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await new ImportPlanner(db).PlanAsync(catalog, request, cancellationToken);
        if (plan.Preview.HasErrors)
        {
            LogRejected(logger, request.ImportId, plan.Preview.Errors.Count);
            return new ImportResult(plan.Preview, Applied: false, MovementsWritten: 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var written = plan.Products.SelectMany(match => WriteProduct(match, now)).ToList();
        await db.SaveChangesAsync(cancellationToken);

        var movements = 0;
        if (plan.Warehouse is not null)
        {
            var counted = written.Where(w => w.Imported.Quantity is not null).ToList();
            await AddMissingLevelsAsync(counted.Select(w => w.Variant.Id), plan.Warehouse.Id, now, cancellationToken);
            foreach (var (variant, imported) in counted)
            {
                var reference = new StockReference(StockReferenceTypes.Import, $"{request.ImportId}:{imported.Line}", request.Actor);
                var movement = await ledger.SetOnHandAsync(
                    variant.Id,
                    plan.Warehouse.Id,
                    imported.Quantity!.Value,
                    MovementReason.InitialCount,
                    reference,
                    cancellationToken);
                movements += movement is null ? 0 : 1;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // Every product of the file is captured, and one whose state equals its latest version gets no new version.
        // The tracked rows are no longer needed, and clearing them keeps the save of the versions from scanning them.
        db.ChangeTracker.Clear();
        var handles = plan.Products.Select(p => p.Imported.Handle).ToList();
        var productIds = await db.Products.Where(p => EF.Parameter(handles).Contains(p.Handle)).Select(p => p.Id).ToListAsync(cancellationToken);
        var source = new VersionSource(VersionSourceKinds.Import, request.Actor, request.ImportId.ToString());
        await versioning.CaptureManyAsync(productIds, source, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, request.ImportId, plan.Preview.Products.Count, plan.Preview.VariantCount, movements);
        return new ImportResult(plan.Preview, Applied: true, MovementsWritten: movements);
    }

    // The ledger inserts a missing level with a save of its own, and every save scans all entities the import
    // tracks, so one level per row made a 10,000-row file take minutes. Inserting them in one batch avoids that.
    private async Task AddMissingLevelsAsync(
        IEnumerable<Guid> variantIds,
        Guid warehouseId,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var existing = await db.InventoryLevels.AsNoTracking()
            .Where(l => l.WarehouseId == warehouseId)
            .Select(l => l.VariantId)
            .ToListAsync(cancellationToken);
        var stocked = existing.ToHashSet();
        var missing = variantIds.Where(stocked.Add).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.InventoryLevels.AddRange(missing.Select(id => new InventoryLevel
        {
            VariantId = id,
            WarehouseId = warehouseId,
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<(ProductVariant Variant, ImportedVariant Imported)> WriteProduct(ProductMatch match, DateTime now)
    {
        var product = match.Existing;
        if (product is null)
        {
            product = new Product { Handle = match.Imported.Handle, Title = match.Imported.Title, CreatedAt = now };
            db.Products.Add(product);
        }

        if (match.Existing is null || !ImportComparer.IsSame(product, match.Imported))
        {
            ImportComparer.CopyTo(match.Imported, product);
            product.UpdatedAt = now;
            ReplaceImages(product, match.Imported.Images);
        }

        foreach (var variantMatch in match.Variants)
        {
            var variant = variantMatch.Existing;
            if (variant is null)
            {
                // Added through the set: the key is generated on the client, and a keyed entity found through a
                // navigation would be taken for an existing row.
                variant = new ProductVariant { ProductId = product.Id };
                db.Variants.Add(variant);
            }

            if (!ImportComparer.IsSame(variant, variantMatch.Imported, variantMatch.Position))
            {
                ImportComparer.CopyTo(variantMatch.Imported, variantMatch.Position, variant);
                product.UpdatedAt = now;
            }

            yield return (variant, variantMatch.Imported);
        }
    }

    private void ReplaceImages(Product product, IReadOnlyList<ImportedImage> images)
    {
        // A file without images for a product keeps the stored ones, as Shopify's import does for missing columns.
        if (images.Count == 0 || ImportComparer.SameImages(product.Images, images))
        {
            return;
        }

        db.ProductImages.RemoveRange(product.Images);
        db.ProductImages.AddRange(images.Select(i => new ProductImage
        {
            ProductId = product.Id,
            Src = i.Src,
            Position = i.Position,
            AltText = i.AltText,
        }));
    }

    [LoggerMessage(1101, LogLevel.Information,
        "Catalog import {ImportId} previewed: {Created} products to create, {Updated} to update, "
        + "{Unchanged} unchanged, {ErrorCount} errors")]
    private static partial void LogPreviewed(
        ILogger logger, Guid importId, int created, int updated, int unchanged, int errorCount);

    [LoggerMessage(1102, LogLevel.Warning, "Catalog import {ImportId} rejected with {ErrorCount} errors, nothing written")]
    private static partial void LogRejected(ILogger logger, Guid importId, int errorCount);

    [LoggerMessage(1103, LogLevel.Information,
        "Catalog import {ImportId} applied: {ProductCount} products, {VariantCount} variants, "
        + "{MovementCount} stock movements")]
    private static partial void LogApplied(
        ILogger logger, Guid importId, int productCount, int variantCount, int movementCount);
}
