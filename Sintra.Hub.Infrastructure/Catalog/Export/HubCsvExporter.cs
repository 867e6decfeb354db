using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>
/// Writes the catalog in the hub's own layout: one row per variant with the product's texts in every catalog
/// locale, its attribute values, the variant's price in each price list and its supplier entries. Column names are
/// lower case with the locale, price list or supplier code as a suffix, such as <c>title_en</c> or
/// <c>price_Listino IT</c>.
/// </summary>
public sealed class HubCsvExporter(HubDbContext db, IOptions<CatalogOptions> options)
{
    private static readonly string[] TextFields =
    [
        TranslatedFields.Title, TranslatedFields.DescriptionHtml, TranslatedFields.SeoTitle,
        TranslatedFields.SeoDescription, TranslatedFields.Option1Name, TranslatedFields.Option2Name,
        TranslatedFields.Option3Name,
    ];

    private static readonly string[] OptionFields = [TranslatedFields.Option1, TranslatedFields.Option2, TranslatedFields.Option3];

    public async Task WriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var locales = options.Value.AllLocales();
        var defaultLocale = locales[0];
        var attributes = await db.CatalogAttributes.AsNoTracking().OrderBy(a => a.Position).ThenBy(a => a.Code).ToListAsync(cancellationToken);
        var priceLists = await db.PriceLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);

        await using var csv = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture), leaveOpen: true);
        var header = new List<string>
        {
            "handle", "sku", "barcode", "status", "vendor", "product_type", "tags", "brand", "category",
            "option1", "option2", "option3", "price", "compare_at_price", "weight_grams",
        };
        header.AddRange(locales.SelectMany(l => TextFields.Concat(OptionFields).Select(f => $"{f}_{l}")));
        header.AddRange(attributes.SelectMany(a => a.IsLocalized ? locales.Select(l => $"attr_{a.Code}_{l}") : [$"attr_{a.Code}"]));
        header.AddRange(priceLists.SelectMany(l => new[] { $"price_{l.Name}", $"compare_at_price_{l.Name}" }));
        header.AddRange(suppliers.SelectMany(s => new[] { $"supplier_{s.Code}_sku", $"supplier_{s.Code}_cost", $"supplier_{s.Code}_lead_time_days" }));
        foreach (var column in header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();

        await foreach (var batch in CatalogExportSource.ReadBatchesAsync(db, cancellationToken))
        {
            var productIds = batch.Select(p => p.Id).ToList();
            var variantIds = batch.SelectMany(p => p.Variants).Select(v => v.Id).ToList();
            var translations = (await db.CatalogTranslations.AsNoTracking()
                    .Where(t => productIds.Contains(t.EntityId) || variantIds.Contains(t.EntityId))
                    .ToListAsync(cancellationToken))
                .ToDictionary(t => (t.EntityId, t.Locale, t.Field), t => t.Value);
            var values = (await db.AttributeValues.AsNoTracking()
                    .Where(v => productIds.Contains(v.ProductId))
                    .ToListAsync(cancellationToken))
                .ToLookup(v => v.ProductId);
            var prices = (await db.PriceListEntries.AsNoTracking()
                    .Where(e => variantIds.Contains(e.VariantId))
                    .ToListAsync(cancellationToken))
                .ToDictionary(e => (e.VariantId, e.PriceListId));
            var supplierEntries = (await db.SupplierEntries.AsNoTracking()
                    .Where(e => variantIds.Contains(e.VariantId))
                    .ToListAsync(cancellationToken))
                .ToDictionary(e => (e.VariantId, e.SupplierId));

            foreach (var product in batch)
            {
                foreach (var variant in product.Variants)
                {
                    Text(csv, product.Handle);
                    Text(csv, variant.Sku);
                    Text(csv, variant.Barcode);
                    Text(csv, product.Status.ToString().ToLowerInvariant());
                    Text(csv, product.Vendor);
                    Text(csv, product.ProductType);
                    Text(csv, product.Tags);
                    Text(csv, product.BrandId is { } brandId ? brands.GetValueOrDefault(brandId) : null);
                    Text(csv, product.CategoryId is { } categoryId ? CategoryPath(categories, categoryId) : null);
                    Text(csv, variant.Option1);
                    Text(csv, variant.Option2);
                    Text(csv, variant.Option3);
                    csv.WriteField(Money(variant.Price));
                    csv.WriteField(Money(variant.CompareAtPrice));
                    csv.WriteField(variant.WeightGrams?.ToString(CultureInfo.InvariantCulture));

                    foreach (var locale in locales)
                    {
                        foreach (var field in TextFields)
                        {
                            Text(csv, locale == defaultLocale ? OwnText(product, field) : translations.GetValueOrDefault((product.Id, locale, field)));
                        }

                        foreach (var field in OptionFields)
                        {
                            Text(csv, locale == defaultLocale ? OwnOption(variant, field) : translations.GetValueOrDefault((variant.Id, locale, field)));
                        }
                    }

                    var productValues = values[product.Id].ToList();
                    foreach (var attribute in attributes)
                    {
                        foreach (var locale in attribute.IsLocalized ? locales : [""])
                        {
                            var value = productValues.FirstOrDefault(v => v.AttributeId == attribute.Id && v.VariantId == variant.Id && v.Locale == locale)
                                ?? productValues.FirstOrDefault(v => v.AttributeId == attribute.Id && v.VariantId == null && v.Locale == locale);
                            Text(csv, value?.Value);
                        }
                    }

                    foreach (var list in priceLists)
                    {
                        var entry = prices.GetValueOrDefault((variant.Id, list.Id));
                        csv.WriteField(Money(entry?.Price));
                        csv.WriteField(Money(entry?.CompareAtPrice));
                    }

                    foreach (var supplier in suppliers)
                    {
                        var entry = supplierEntries.GetValueOrDefault((variant.Id, supplier.Id));
                        Text(csv, entry?.SupplierSku);
                        csv.WriteField(Money(entry?.Cost));
                        csv.WriteField(entry?.LeadTimeDays?.ToString(CultureInfo.InvariantCulture));
                    }

                    await csv.NextRecordAsync();
                }
            }

            await csv.FlushAsync();
        }
    }

    private static void Text(CsvWriter csv, string? value) => ShopifyCsvExporter.Text(csv, value);

    private static string? Money(decimal? value) => value?.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string? OwnText(Product product, string field) => field switch
    {
        TranslatedFields.Title => product.Title,
        TranslatedFields.DescriptionHtml => product.DescriptionHtml,
        TranslatedFields.SeoTitle => product.SeoTitle,
        TranslatedFields.SeoDescription => product.SeoDescription,
        TranslatedFields.Option1Name => product.Option1Name,
        TranslatedFields.Option2Name => product.Option2Name,
        TranslatedFields.Option3Name => product.Option3Name,
        _ => null,
    };

    private static string? OwnOption(ProductVariant variant, string field) => field switch
    {
        TranslatedFields.Option1 => variant.Option1,
        TranslatedFields.Option2 => variant.Option2,
        _ => variant.Option3,
    };

    private static string CategoryPath(Dictionary<Guid, Category> categories, Guid id)
    {
        var names = new List<string>();
        Guid? current = id;
        while (current is { } key && categories.TryGetValue(key, out var category) && names.Count < 32)
        {
            names.Insert(0, category.Name);
            current = category.ParentId;
        }

        return string.Join(" > ", names);
    }
}
