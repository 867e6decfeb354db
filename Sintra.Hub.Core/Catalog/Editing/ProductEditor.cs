using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Suppliers;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Editing;

/// <summary>
/// Reads a product into a <see cref="ProductEditModel"/> and saves it back in one transaction with a version.
/// The product's concurrency token guards the whole model, because every save also updates the product row.
/// </summary>
public sealed class ProductEditor(
    HubDbContext db,
    IProductVersioning versioning,
    IOptions<CatalogOptions> options,
    TimeProvider clock)
{
    internal static readonly string[] ProductTextFields =
    [
        TranslatedFields.Title,
        TranslatedFields.DescriptionHtml,
        TranslatedFields.SeoTitle,
        TranslatedFields.SeoDescription,
        TranslatedFields.Option1Name,
        TranslatedFields.Option2Name,
        TranslatedFields.Option3Name,
    ];

    internal static readonly string[] VariantTextFields = [TranslatedFields.Option1, TranslatedFields.Option2, TranslatedFields.Option3];

    /// <summary>Reads the product for editing, or returns null when it does not exist.</summary>
    public async Task<ProductEditModel?> LoadAsync(Guid productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Variants).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var translations = await db.CatalogTranslations.AsNoTracking()
            .Where(t => t.EntityId == productId || variantIds.Contains(t.EntityId))
            .ToListAsync(cancellationToken);
        var model = new ProductEditModel
        {
            Id = product.Id,
            Version = product.Version,
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
            BrandId = product.BrandId,
            CategoryId = product.CategoryId,
            AttributeSetId = product.AttributeSetId,
            Variants = product.Variants.OrderBy(v => v.Position).Select(v => new VariantEdit
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
            }).ToList(),
        };

        foreach (var locale in options.Value.TranslationLocales())
        {
            model.Translations[locale] = ProductTextFields.ToDictionary(
                f => f,
                f => translations.FirstOrDefault(t => t.EntityId == productId && t.Locale == locale && t.Field == f)?.Value);
            foreach (var variant in product.Variants)
            {
                var byLocale = model.VariantTranslations.TryGetValue(variant.Id, out var existing)
                    ? existing
                    : model.VariantTranslations[variant.Id] = [];
                byLocale[locale] = VariantTextFields.ToDictionary(
                    f => f,
                    f => translations.FirstOrDefault(t => t.EntityId == variant.Id && t.Locale == locale && t.Field == f)?.Value);
            }
        }

        model.Attributes = await db.AttributeValues.AsNoTracking()
            .Where(v => v.ProductId == productId && v.VariantId == null)
            .Select(v => new AttributeEdit { AttributeId = v.AttributeId, Locale = v.Locale, Value = v.Value })
            .ToListAsync(cancellationToken);
        model.Prices = await db.PriceListEntries.AsNoTracking()
            .Where(e => variantIds.Contains(e.VariantId))
            .Select(e => new PriceEdit { PriceListId = e.PriceListId, VariantId = e.VariantId, Price = e.Price, CompareAtPrice = e.CompareAtPrice })
            .ToListAsync(cancellationToken);
        model.Suppliers = await db.SupplierEntries.AsNoTracking()
            .Where(e => variantIds.Contains(e.VariantId))
            .Select(e => new SupplierEdit
            {
                SupplierId = e.SupplierId,
                VariantId = e.VariantId,
                SupplierSku = e.SupplierSku,
                Cost = e.Cost,
                LeadTimeDays = e.LeadTimeDays,
            })
            .ToListAsync(cancellationToken);
        return model;
    }

    /// <summary>
    /// Validates and saves the model, then captures a version from <paramref name="source"/>. Returns
    /// <see cref="EditOutcome.Conflict"/> without writing anything when the product changed after the model was read.
    /// </summary>
    public async Task<EditResult> SaveAsync(ProductEditModel model, VersionSource source, CancellationToken cancellationToken)
    {
        var attributes = await db.CatalogAttributes.AsNoTracking().Include(a => a.Options)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var errors = await ValidateAsync(model, attributes, cancellationToken);
        if (errors.Count > 0)
        {
            return new EditResult(EditOutcome.Invalid, null, null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await db.Products.Include(p => p.Variants).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == model.Id, cancellationToken);
        if (product is null)
        {
            return new EditResult(EditOutcome.NotFound, null, null, []);
        }

        if (product.Version != model.Version)
        {
            return new EditResult(EditOutcome.Conflict, null, null, []);
        }

        // The token the form read is the one the UPDATE checks, so a save between this read and the write fails too.
        db.Entry(product).Property(p => p.Version).OriginalValue = model.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        CopyProduct(model, product, now);
        await WriteTranslationsAsync(model, product, now, cancellationToken);
        await WriteAttributesAsync(model, attributes, cancellationToken);
        await WritePricesAsync(model, product, cancellationToken);
        await WriteSuppliersAsync(model, product, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new EditResult(EditOutcome.Conflict, null, null, []);
        }

        var number = await versioning.CaptureAsync(product.Id, source, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A page keeps its context for the whole circuit, so a row left tracked would hide a later change by someone else.
        db.ChangeTracker.Clear();
        return new EditResult(EditOutcome.Saved, product.Version, number, []);
    }

    private async Task<List<EditError>> ValidateAsync(
        ProductEditModel model,
        Dictionary<Guid, CatalogAttribute> attributes,
        CancellationToken cancellationToken)
    {
        var errors = new List<EditError>();
        if (string.IsNullOrWhiteSpace(model.Title))
        {
            errors.Add(new EditError("Title", "TitleRequired"));
        }

        if (string.IsNullOrWhiteSpace(model.Handle) || model.Handle.Length > 255 || model.Handle.Any(char.IsWhiteSpace))
        {
            errors.Add(new EditError("Handle", "HandleInvalid", model.Handle));
        }
        else if (await db.Products.AnyAsync(p => p.Handle == model.Handle && p.Id != model.Id, cancellationToken))
        {
            errors.Add(new EditError("Handle", "HandleTaken", model.Handle));
        }

        var variantIds = model.Variants.Select(v => v.Id).ToList();
        var skus = model.Variants.Select(v => v.Sku).OfType<string>().ToList();
        var takenSkus = await db.Variants
            .Where(v => v.Sku != null && skus.Contains(v.Sku) && !variantIds.Contains(v.Id))
            .Select(v => v.Sku!)
            .ToListAsync(cancellationToken);
        foreach (var sku in skus.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Concat(takenSkus))
        {
            errors.Add(new EditError("Sku", "SkuTaken", sku));
        }

        foreach (var variant in model.Variants)
        {
            if (variant.Price < 0)
            {
                errors.Add(new EditError("Price", "PriceNegative", variant.Sku ?? "", variant.Price));
            }

            if (!string.IsNullOrEmpty(variant.Barcode) && BarcodeError(variant.Barcode) is { } barcodeError)
            {
                errors.Add(barcodeError);
            }
        }

        foreach (var value in model.Attributes.Where(a => !string.IsNullOrWhiteSpace(a.Value)))
        {
            if (!attributes.TryGetValue(value.AttributeId, out var attribute))
            {
                continue;
            }

            var (_, error) = AttributeValues.Normalize(attribute, value.Value);
            if (error is not null)
            {
                errors.Add(new EditError("Attribute", "AttributeInvalid", attribute.Code, value.Value!));
            }
        }

        foreach (var price in model.Prices.Where(p => p.Price < 0 || p.CompareAtPrice < 0))
        {
            errors.Add(new EditError("PriceList", "PriceNegative", price.VariantId, price.Price ?? 0m));
        }

        return errors;
    }

    /// <summary>
    /// Checks a barcode made of digits as a GTIN. A barcode with other characters is the merchant's own code and
    /// is accepted as it is.
    /// </summary>
    public static EditError? BarcodeError(string barcode)
    {
        if (!barcode.All(char.IsAsciiDigit))
        {
            return null;
        }

        var check = Gtin.Check(barcode);
        return check.Problem switch
        {
            GtinProblem.WrongLength => new EditError("Barcode", "BarcodeLength", barcode, barcode.Length),
            GtinProblem.WrongCheckDigit => new EditError("Barcode", "BarcodeCheckDigit", barcode, check.ExpectedCheckDigit!.Value),
            _ => null,
        };
    }

    private static void CopyProduct(ProductEditModel model, Product product, DateTime now)
    {
        product.Handle = model.Handle.Trim();
        product.Title = model.Title.Trim();
        product.DescriptionHtml = string.IsNullOrWhiteSpace(model.DescriptionHtml) ? null : model.DescriptionHtml;
        product.Vendor = Blank(model.Vendor);
        product.ProductType = Blank(model.ProductType);
        product.Tags = Blank(model.Tags);
        product.Status = model.Status;
        product.Option1Name = Blank(model.Option1Name);
        product.Option2Name = Blank(model.Option2Name);
        product.Option3Name = Blank(model.Option3Name);
        product.SeoTitle = Blank(model.SeoTitle);
        product.SeoDescription = Blank(model.SeoDescription);
        product.BrandId = model.BrandId;
        product.CategoryId = model.CategoryId;
        product.AttributeSetId = model.AttributeSetId;
        product.UpdatedAt = now;

        foreach (var edit in model.Variants)
        {
            var variant = product.Variants.FirstOrDefault(v => v.Id == edit.Id);
            if (variant is null)
            {
                continue;
            }

            variant.Sku = Blank(edit.Sku);
            variant.Barcode = Blank(edit.Barcode);
            variant.Option1 = Blank(edit.Option1);
            variant.Option2 = Blank(edit.Option2);
            variant.Option3 = Blank(edit.Option3);
            variant.Price = edit.Price;
            variant.CompareAtPrice = edit.CompareAtPrice;
            variant.WeightGrams = edit.WeightGrams;
        }
    }

    private async Task WriteTranslationsAsync(ProductEditModel model, Product product, DateTime now, CancellationToken cancellationToken)
    {
        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var existing = await db.CatalogTranslations
            .Where(t => (t.EntityKind == TranslatedEntity.Product && t.EntityId == product.Id)
                || (t.EntityKind == TranslatedEntity.Variant && variantIds.Contains(t.EntityId)))
            .ToListAsync(cancellationToken);

        void Write(TranslatedEntity kind, Guid entityId, string locale, string field, string? value)
        {
            var row = existing.FirstOrDefault(t => t.EntityKind == kind && t.EntityId == entityId && t.Locale == locale && t.Field == field);
            var text = Blank(value);
            if (text is null)
            {
                if (row is not null)
                {
                    db.CatalogTranslations.Remove(row);
                }
            }
            else if (row is null)
            {
                db.CatalogTranslations.Add(new CatalogTranslation
                {
                    EntityKind = kind,
                    EntityId = entityId,
                    Locale = locale,
                    Field = field,
                    Value = text,
                    UpdatedAt = now,
                });
            }
            else if (row.Value != text)
            {
                row.Value = text;
                row.UpdatedAt = now;
            }
        }

        foreach (var (locale, fields) in model.Translations)
        {
            foreach (var (field, value) in fields)
            {
                Write(TranslatedEntity.Product, product.Id, locale, field, value);
            }
        }

        foreach (var (variantId, byLocale) in model.VariantTranslations.Where(v => variantIds.Contains(v.Key)))
        {
            foreach (var (locale, fields) in byLocale)
            {
                foreach (var (field, value) in fields)
                {
                    Write(TranslatedEntity.Variant, variantId, locale, field, value);
                }
            }
        }
    }

    private async Task WriteAttributesAsync(
        ProductEditModel model,
        Dictionary<Guid, CatalogAttribute> attributes,
        CancellationToken cancellationToken)
    {
        var existing = await db.AttributeValues
            .Where(v => v.ProductId == model.Id && v.VariantId == null)
            .ToListAsync(cancellationToken);
        foreach (var edit in model.Attributes.Where(a => attributes.ContainsKey(a.AttributeId)))
        {
            var attribute = attributes[edit.AttributeId];
            var locale = attribute.IsLocalized ? edit.Locale : "";
            var (value, _) = AttributeValues.Normalize(attribute, edit.Value);
            var row = existing.FirstOrDefault(v => v.AttributeId == edit.AttributeId && v.Locale == locale);
            if (value is null)
            {
                if (row is not null)
                {
                    db.AttributeValues.Remove(row);
                    existing.Remove(row);
                }
            }
            else if (row is null)
            {
                var added = new AttributeValue { ProductId = model.Id, AttributeId = edit.AttributeId, Locale = locale, Value = value };
                db.AttributeValues.Add(added);
                existing.Add(added);
            }
            else
            {
                row.Value = value;
            }
        }
    }

    private async Task WritePricesAsync(ProductEditModel model, Product product, CancellationToken cancellationToken)
    {
        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var existing = await db.PriceListEntries.Where(e => variantIds.Contains(e.VariantId)).ToListAsync(cancellationToken);
        foreach (var edit in model.Prices.Where(p => variantIds.Contains(p.VariantId)))
        {
            var row = existing.FirstOrDefault(e => e.PriceListId == edit.PriceListId && e.VariantId == edit.VariantId);
            if (edit.Price is null)
            {
                if (row is not null)
                {
                    db.PriceListEntries.Remove(row);
                }
            }
            else if (row is null)
            {
                db.PriceListEntries.Add(new PriceListEntry
                {
                    PriceListId = edit.PriceListId,
                    VariantId = edit.VariantId,
                    Price = edit.Price.Value,
                    CompareAtPrice = edit.CompareAtPrice,
                });
            }
            else
            {
                row.Price = edit.Price.Value;
                row.CompareAtPrice = edit.CompareAtPrice;
            }
        }
    }

    private async Task WriteSuppliersAsync(ProductEditModel model, Product product, CancellationToken cancellationToken)
    {
        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var existing = await db.SupplierEntries.Where(e => variantIds.Contains(e.VariantId)).ToListAsync(cancellationToken);
        var kept = new HashSet<Guid>();
        foreach (var edit in model.Suppliers.Where(s => variantIds.Contains(s.VariantId)))
        {
            var row = existing.FirstOrDefault(e => e.SupplierId == edit.SupplierId && e.VariantId == edit.VariantId);
            if (row is null)
            {
                row = new SupplierEntry { SupplierId = edit.SupplierId, VariantId = edit.VariantId };
                db.SupplierEntries.Add(row);
            }

            row.SupplierSku = Blank(edit.SupplierSku);
            row.Cost = edit.Cost;
            row.LeadTimeDays = edit.LeadTimeDays;
            kept.Add(row.Id);
        }

        db.SupplierEntries.RemoveRange(existing.Where(e => !kept.Contains(e.Id)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
