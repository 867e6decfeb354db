using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Suppliers;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Versions;

/// <summary>Writes an old version's state back onto a product, and the restored state becomes a new version.</summary>
public sealed class ProductRestoreService(HubDbContext db, ProductVersionService versions, TimeProvider clock)
{
    /// <summary>
    /// Restores version <paramref name="number"/> and returns the new version's number, or null when the version
    /// does not exist or the product already has that state.
    /// </summary>
    /// <remarks>
    /// NOTE: variants are matched by id. A variant added after the version is kept unchanged, and a variant
    /// deleted since then is not created again, because variants carry stock that a restore must not touch.
    /// </remarks>
    public async Task<int?> RestoreAsync(Guid productId, int number, string? author, CancellationToken cancellationToken)
    {
        var snapshot = await versions.GetSnapshotAsync(productId, number, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await db.Products.Include(p => p.Variants).Include(p => p.Images).AsSplitQuery()
            .FirstAsync(p => p.Id == productId, cancellationToken);

        product.Handle = snapshot.Handle;
        product.Title = snapshot.Title;
        product.DescriptionHtml = snapshot.DescriptionHtml;
        product.Vendor = snapshot.Vendor;
        product.ProductType = snapshot.ProductType;
        product.Tags = snapshot.Tags;
        product.Status = snapshot.Status;
        product.Option1Name = snapshot.Option1Name;
        product.Option2Name = snapshot.Option2Name;
        product.Option3Name = snapshot.Option3Name;
        product.SeoTitle = snapshot.SeoTitle;
        product.SeoDescription = snapshot.SeoDescription;
        product.BrandId = snapshot.Brand is null ? null
            : await db.Brands.Where(b => b.Name == snapshot.Brand).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
        product.CategoryId = snapshot.Category is null ? null : await FindCategoryAsync(snapshot.Category, cancellationToken);
        product.AttributeSetId = snapshot.AttributeSet is null ? null
            : await db.AttributeSets.Where(s => s.Name == snapshot.AttributeSet).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        product.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        var attributeIds = await db.CatalogAttributes.ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.Ordinal, cancellationToken);
        var priceListIds = await db.PriceLists.ToDictionaryAsync(l => l.Name, l => l.Id, StringComparer.Ordinal, cancellationToken);
        var supplierIds = await db.Suppliers.ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, cancellationToken);

        await ReplaceTranslationsAsync(TranslatedEntity.Product, productId, snapshot.Translations, cancellationToken);
        db.AttributeValues.RemoveRange(await db.AttributeValues.Where(v => v.ProductId == productId).ToListAsync(cancellationToken));
        AddAttributes(productId, null, snapshot.Attributes, attributeIds);

        foreach (var saved in snapshot.Variants)
        {
            var variant = product.Variants.FirstOrDefault(v => v.Id == saved.Id);
            if (variant is null)
            {
                continue;
            }

            variant.Sku = saved.Sku;
            variant.Barcode = saved.Barcode;
            variant.Option1 = saved.Option1;
            variant.Option2 = saved.Option2;
            variant.Option3 = saved.Option3;
            variant.Price = saved.Price;
            variant.CompareAtPrice = saved.CompareAtPrice;
            variant.WeightGrams = saved.WeightGrams;
            variant.Position = saved.Position;
            variant.RequiresShipping = saved.RequiresShipping;
            variant.Taxable = saved.Taxable;
            await ReplaceTranslationsAsync(TranslatedEntity.Variant, variant.Id, saved.Translations, cancellationToken);
            AddAttributes(productId, variant.Id, saved.Attributes, attributeIds);

            db.PriceListEntries.RemoveRange(await db.PriceListEntries.Where(e => e.VariantId == variant.Id).ToListAsync(cancellationToken));
            db.PriceListEntries.AddRange(saved.Prices.Where(p => priceListIds.ContainsKey(p.PriceList)).Select(p => new PriceListEntry
            {
                PriceListId = priceListIds[p.PriceList],
                VariantId = variant.Id,
                Price = p.Price,
                CompareAtPrice = p.CompareAtPrice,
            }));
            db.SupplierEntries.RemoveRange(await db.SupplierEntries.Where(e => e.VariantId == variant.Id).ToListAsync(cancellationToken));
            db.SupplierEntries.AddRange(saved.Suppliers.Where(s => supplierIds.ContainsKey(s.Supplier)).Select(s => new SupplierEntry
            {
                SupplierId = supplierIds[s.Supplier],
                VariantId = variant.Id,
                SupplierSku = s.SupplierSku,
                Cost = s.Cost,
                LeadTimeDays = s.LeadTimeDays,
            }));
        }

        var imageIds = product.Images.Select(i => i.Id).ToList();
        db.CatalogTranslations.RemoveRange(await db.CatalogTranslations
            .Where(t => t.EntityKind == TranslatedEntity.ProductImage && imageIds.Contains(t.EntityId))
            .ToListAsync(cancellationToken));
        db.ProductImages.RemoveRange(product.Images);
        foreach (var saved in snapshot.Images)
        {
            var image = new ProductImage { ProductId = productId, Src = saved.Src, Position = saved.Position, AltText = saved.AltText };
            db.ProductImages.Add(image);
            AddTranslations(TranslatedEntity.ProductImage, image.Id, saved.Translations);
        }

        await db.SaveChangesAsync(cancellationToken);
        var restored = await versions.CaptureAsync(
            productId,
            new VersionSource(VersionSourceKinds.Restore, author, number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A page keeps its context for the whole circuit, so a row left tracked would hide a later change by someone else.
        db.ChangeTracker.Clear();
        return restored;
    }

    private async Task<Guid?> FindCategoryAsync(string path, CancellationToken cancellationToken)
    {
        var names = path.Split(" > ");
        Guid? parent = null;
        foreach (var name in names)
        {
            var id = await db.Categories.Where(c => c.ParentId == parent && c.Name == name)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                return null;
            }

            parent = id;
        }

        return parent;
    }

    private async Task ReplaceTranslationsAsync(
        TranslatedEntity kind,
        Guid entityId,
        IEnumerable<TranslationSnapshot> translations,
        CancellationToken cancellationToken)
    {
        db.CatalogTranslations.RemoveRange(await db.CatalogTranslations
            .Where(t => t.EntityKind == kind && t.EntityId == entityId)
            .ToListAsync(cancellationToken));
        AddTranslations(kind, entityId, translations);
    }

    private void AddTranslations(TranslatedEntity kind, Guid entityId, IEnumerable<TranslationSnapshot> translations)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.CatalogTranslations.AddRange(translations.Select(t => new CatalogTranslation
        {
            EntityKind = kind,
            EntityId = entityId,
            Locale = t.Locale,
            Field = t.Field,
            Value = t.Value,
            UpdatedAt = now,
        }));
    }

    private void AddAttributes(
        Guid productId,
        Guid? variantId,
        IEnumerable<AttributeSnapshot> attributes,
        Dictionary<string, Guid> attributeIds)
    {
        db.AttributeValues.AddRange(attributes.Where(a => attributeIds.ContainsKey(a.Code)).Select(a => new AttributeValue
        {
            ProductId = productId,
            VariantId = variantId,
            AttributeId = attributeIds[a.Code],
            Locale = a.Locale,
            Value = a.Value,
        }));
    }
}
