using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Queries;

/// <summary>Reads one product with its images, variants and stock levels for the product page.</summary>
public sealed class ProductDetailService(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>Reads the product, or returns null when no product has that id.</summary>
    public async Task<ProductDetailView?> GetAsync(Guid productId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking()
            .Include(p => p.Images)
            .Include(p => p.Variants)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var variants = product.Variants
            .OrderBy(v => v.Position)
            .ThenBy(v => v.Sku, StringComparer.Ordinal)
            .Select(v => new VariantRow(v.Id, v.Sku, v.Barcode, v.Title, v.Price, v.CompareAtPrice, v.Position))
            .ToList();

        var stock = await db.InventoryLevels.AsNoTracking()
            .Where(l => db.Variants.Any(v => v.Id == l.VariantId && v.ProductId == productId))
            .Join(db.Warehouses, l => l.WarehouseId, w => w.Id, (l, w) => new
            {
                l.VariantId,
                w.Code,
                w.Name,
                l.OnHand,
                l.Reserved,
                l.Unavailable,
            })
            .ToListAsync(cancellationToken);

        var positions = variants.Select((v, index) => (v.Id, index)).ToDictionary(p => p.Id, p => p.index);
        var stockRows = stock
            .Select(s =>
            {
                var variant = variants[positions[s.VariantId]];
                return new VariantStockRow(
                    s.VariantId, variant.Sku, variant.Title, s.Code, s.Name, s.OnHand, s.Reserved, s.Unavailable);
            })
            .OrderBy(s => positions[s.VariantId])
            .ThenBy(s => s.WarehouseCode, StringComparer.Ordinal)
            .ToList();

        return new ProductDetailView(
            product.Id,
            product.Handle,
            product.Title,
            product.DescriptionHtml,
            product.Vendor,
            product.ProductType,
            product.Tags,
            product.Status,
            new[] { product.Option1Name, product.Option2Name, product.Option3Name }
                .Where(n => !string.IsNullOrEmpty(n))
                .Select(n => n!)
                .ToList(),
            product.CreatedAt,
            product.UpdatedAt,
            product.Images.OrderBy(i => i.Position).Select(i => new ProductImageRow(i.Src, i.AltText, i.Position)).ToList(),
            variants,
            stockRows);
    }
}
