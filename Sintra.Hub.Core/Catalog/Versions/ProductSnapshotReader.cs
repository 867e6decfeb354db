using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Versions;

/// <summary>Reads a product and every row that belongs to it into a <see cref="ProductSnapshot"/>.</summary>
public sealed class ProductSnapshotReader(HubDbContext db)
{
    /// <summary>Returns the product's current state as stored, or null when the product does not exist.</summary>
    public async Task<ProductSnapshot?> ReadAsync(Guid productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Include(p => p.Variants)
            .Include(p => p.Images)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var imageIds = product.Images.Select(i => i.Id).ToList();
        var ownerIds = variantIds.Concat(imageIds).Append(productId).ToList();

        var translations = await db.CatalogTranslations.AsNoTracking()
            .Where(t => ownerIds.Contains(t.EntityId))
            .ToListAsync(cancellationToken);
        var attributes = await (
                from value in db.AttributeValues.AsNoTracking()
                join attribute in db.CatalogAttributes on value.AttributeId equals attribute.Id
                where value.ProductId == productId
                select new { value.VariantId, attribute.Code, value.Locale, value.Value })
            .ToListAsync(cancellationToken);
        var prices = await (
                from entry in db.PriceListEntries.AsNoTracking()
                join list in db.PriceLists on entry.PriceListId equals list.Id
                where variantIds.Contains(entry.VariantId)
                select new { entry.VariantId, list.Name, entry.Price, entry.CompareAtPrice })
            .ToListAsync(cancellationToken);
        var suppliers = await (
                from entry in db.SupplierEntries.AsNoTracking()
                join supplier in db.Suppliers on entry.SupplierId equals supplier.Id
                where variantIds.Contains(entry.VariantId)
                select new { entry.VariantId, supplier.Code, entry.SupplierSku, entry.Cost, entry.LeadTimeDays })
            .ToListAsync(cancellationToken);

        var brand = product.BrandId is { } brandId
            ? await db.Brands.Where(b => b.Id == brandId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var category = product.CategoryId is { } categoryId
            ? await CategoryPathAsync(categoryId, cancellationToken)
            : null;
        var attributeSet = product.AttributeSetId is { } setId
            ? await db.AttributeSets.Where(s => s.Id == setId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        List<TranslationSnapshot> TranslationsOf(Guid entityId) => translations
            .Where(t => t.EntityId == entityId)
            .OrderBy(t => t.Locale, StringComparer.Ordinal).ThenBy(t => t.Field, StringComparer.Ordinal)
            .Select(t => new TranslationSnapshot(t.Locale, t.Field, t.Value))
            .ToList();

        List<AttributeSnapshot> AttributesOf(Guid? variantId) => attributes
            .Where(a => a.VariantId == variantId)
            .OrderBy(a => a.Code, StringComparer.Ordinal).ThenBy(a => a.Locale, StringComparer.Ordinal)
            .Select(a => new AttributeSnapshot(a.Code, a.Locale, a.Value))
            .ToList();

        return new ProductSnapshot
        {
            Handle = product.Handle,
            Title = product.Title,
            DescriptionHtml = product.DescriptionHtml,
            Vendor = product.Vendor,
            ProductType = product.ProductType,
            Tags = product.Tags,
            Status = product.Status,
            Option1Name = product.Option1Name,
            Option2Name = product.Option2Name,
            Option3Name = product.Option3Name,
            SeoTitle = product.SeoTitle,
            SeoDescription = product.SeoDescription,
            Brand = brand,
            Category = category,
            AttributeSet = attributeSet,
            Translations = TranslationsOf(productId),
            Attributes = AttributesOf(null),
            Variants = product.Variants.OrderBy(v => v.Position).ThenBy(v => v.Id).Select(v => new VariantSnapshot
            {
                Id = v.Id,
                Sku = v.Sku,
                Barcode = v.Barcode,
                Option1 = v.Option1,
                Option2 = v.Option2,
                Option3 = v.Option3,
                Price = v.Price,
                CompareAtPrice = v.CompareAtPrice,
                WeightGrams = v.WeightGrams,
                Position = v.Position,
                RequiresShipping = v.RequiresShipping,
                Taxable = v.Taxable,
                Translations = TranslationsOf(v.Id),
                Attributes = AttributesOf(v.Id),
                Prices = prices.Where(p => p.VariantId == v.Id).OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => new PriceSnapshot(p.Name, p.Price, p.CompareAtPrice)).ToList(),
                Suppliers = suppliers.Where(s => s.VariantId == v.Id).OrderBy(s => s.Code, StringComparer.Ordinal)
                    .Select(s => new SupplierSnapshot(s.Code, s.SupplierSku, s.Cost, s.LeadTimeDays)).ToList(),
            }).ToList(),
            Images = product.Images.OrderBy(i => i.Position).Select(i => new ImageSnapshot(i.Src, i.Position, i.AltText)
            {
                Translations = TranslationsOf(i.Id),
            }).ToList(),
        };
    }

    /// <summary>Returns the category's names from the root down, joined with " > ".</summary>
    public async Task<string?> CategoryPathAsync(Guid categoryId, CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var names = new List<string>();
        Guid? current = categoryId;

        // The depth limit stops a cycle, which the editor rejects but the database does not prevent.
        while (current is { } id && all.TryGetValue(id, out var category) && names.Count < 32)
        {
            names.Insert(0, category.Name);
            current = category.ParentId;
        }

        return names.Count == 0 ? null : string.Join(" > ", names);
    }
}
