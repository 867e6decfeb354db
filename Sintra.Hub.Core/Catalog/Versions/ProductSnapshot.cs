using System.Globalization;

namespace Sintra.Hub.Core.Catalog.Versions;

/// <summary>
/// A product's full state at one moment. Related rows are named by stable keys (variant SKU or id, price list
/// name, supplier code, attribute code) so that a diff reads well and a restore can find them again.
/// </summary>
public sealed record ProductSnapshot
{
    public required string Handle { get; init; }

    public required string Title { get; init; }

    public string? DescriptionHtml { get; init; }

    public string? Vendor { get; init; }

    public string? ProductType { get; init; }

    public string? Tags { get; init; }

    public ProductStatus Status { get; init; }

    public string? Option1Name { get; init; }

    public string? Option2Name { get; init; }

    public string? Option3Name { get; init; }

    public string? SeoTitle { get; init; }

    public string? SeoDescription { get; init; }

    public string? Brand { get; init; }

    public string? Category { get; init; }

    public string? AttributeSet { get; init; }

    public List<VariantSnapshot> Variants { get; init; } = [];

    public List<ImageSnapshot> Images { get; init; } = [];

    /// <summary>Translations of the product's own fields.</summary>
    public List<TranslationSnapshot> Translations { get; init; } = [];

    /// <summary>Attribute values set on the product itself.</summary>
    public List<AttributeSnapshot> Attributes { get; init; } = [];

    /// <summary>
    /// Flattens the snapshot into field paths such as <c>variant[SKU-1].price</c> and their values, the form that
    /// diffs compare.
    /// </summary>
    public SortedDictionary<string, string?> Flatten()
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["handle"] = Handle,
            ["title"] = Title,
            ["description_html"] = DescriptionHtml,
            ["vendor"] = Vendor,
            ["product_type"] = ProductType,
            ["tags"] = Tags,
            ["status"] = Status.ToString(),
            ["option1_name"] = Option1Name,
            ["option2_name"] = Option2Name,
            ["option3_name"] = Option3Name,
            ["seo_title"] = SeoTitle,
            ["seo_description"] = SeoDescription,
            ["brand"] = Brand,
            ["category"] = Category,
            ["attribute_set"] = AttributeSet,
        };
        AddTranslations(fields, "", Translations);
        AddAttributes(fields, "", Attributes);

        foreach (var variant in Variants)
        {
            var prefix = $"variant[{variant.Key}].";
            fields[prefix + "sku"] = variant.Sku;
            fields[prefix + "barcode"] = variant.Barcode;
            fields[prefix + "option1"] = variant.Option1;
            fields[prefix + "option2"] = variant.Option2;
            fields[prefix + "option3"] = variant.Option3;
            fields[prefix + "price"] = Money(variant.Price);
            fields[prefix + "compare_at_price"] = Money(variant.CompareAtPrice);
            fields[prefix + "weight_grams"] = variant.WeightGrams?.ToString(CultureInfo.InvariantCulture);
            fields[prefix + "position"] = variant.Position.ToString(CultureInfo.InvariantCulture);
            fields[prefix + "requires_shipping"] = variant.RequiresShipping ? "true" : "false";
            fields[prefix + "taxable"] = variant.Taxable ? "true" : "false";
            AddTranslations(fields, prefix, variant.Translations);
            AddAttributes(fields, prefix, variant.Attributes);
            foreach (var price in variant.Prices)
            {
                fields[$"{prefix}price_list[{price.PriceList}].price"] = Money(price.Price);
                fields[$"{prefix}price_list[{price.PriceList}].compare_at_price"] = Money(price.CompareAtPrice);
            }

            foreach (var supplier in variant.Suppliers)
            {
                fields[$"{prefix}supplier[{supplier.Supplier}].sku"] = supplier.SupplierSku;
                fields[$"{prefix}supplier[{supplier.Supplier}].cost"] = Money(supplier.Cost);
                fields[$"{prefix}supplier[{supplier.Supplier}].lead_time_days"] =
                    supplier.LeadTimeDays?.ToString(CultureInfo.InvariantCulture);
            }
        }

        foreach (var image in Images)
        {
            var prefix = $"image[{image.Position}].";
            fields[prefix + "src"] = image.Src;
            fields[prefix + "alt"] = image.AltText;
            AddTranslations(fields, prefix, image.Translations);
        }

        return fields;
    }

    private static void AddTranslations(
        SortedDictionary<string, string?> fields,
        string prefix,
        IEnumerable<TranslationSnapshot> translations)
    {
        foreach (var translation in translations)
        {
            fields[$"{prefix}{translation.Field}@{translation.Locale}"] = translation.Value;
        }
    }

    private static void AddAttributes(
        SortedDictionary<string, string?> fields,
        string prefix,
        IEnumerable<AttributeSnapshot> attributes)
    {
        foreach (var attribute in attributes)
        {
            var locale = attribute.Locale.Length == 0 ? "" : "@" + attribute.Locale;
            fields[$"{prefix}attribute[{attribute.Code}]{locale}"] = attribute.Value;
        }
    }

    private static string? Money(decimal? value) => value?.ToString("0.00##", CultureInfo.InvariantCulture);
}

public sealed record VariantSnapshot
{
    public Guid Id { get; init; }

    public string? Sku { get; init; }

    public string? Barcode { get; init; }

    public string? Option1 { get; init; }

    public string? Option2 { get; init; }

    public string? Option3 { get; init; }

    public decimal Price { get; init; }

    public decimal? CompareAtPrice { get; init; }

    public int? WeightGrams { get; init; }

    public int Position { get; init; }

    public bool RequiresShipping { get; init; }

    public bool Taxable { get; init; }

    public List<TranslationSnapshot> Translations { get; init; } = [];

    public List<AttributeSnapshot> Attributes { get; init; } = [];

    public List<PriceSnapshot> Prices { get; init; } = [];

    public List<SupplierSnapshot> Suppliers { get; init; } = [];

    /// <summary>The SKU, or the variant id for a variant without one.</summary>
    public string Key => Sku ?? Id.ToString();
}

public sealed record ImageSnapshot(string Src, int Position, string? AltText)
{
    public List<TranslationSnapshot> Translations { get; init; } = [];
}

public sealed record TranslationSnapshot(string Locale, string Field, string Value);

/// <summary>An attribute value by attribute code. <see cref="Locale"/> is empty for attributes that are not localized.</summary>
public sealed record AttributeSnapshot(string Code, string Locale, string Value);

public sealed record PriceSnapshot(string PriceList, decimal Price, decimal? CompareAtPrice);

public sealed record SupplierSnapshot(string Supplier, string? SupplierSku, decimal? Cost, int? LeadTimeDays);

/// <summary>A field whose value differs between two versions. A null value means "not set".</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

public static class SnapshotDiff
{
    /// <summary>Lists the fields that differ between two snapshots, in field order. A null old snapshot means a new product.</summary>
    public static IReadOnlyList<FieldChange> Compare(ProductSnapshot? before, ProductSnapshot after)
    {
        var old = before?.Flatten() ?? new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var current = after.Flatten();
        var changes = new List<FieldChange>();
        foreach (var field in old.Keys.Union(current.Keys).Order(StringComparer.Ordinal))
        {
            var oldValue = old.GetValueOrDefault(field);
            var newValue = current.GetValueOrDefault(field);
            if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, oldValue, newValue));
            }
        }

        return changes;
    }
}
