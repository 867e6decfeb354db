namespace Sintra.Hub.Core.Catalog.Editing;

/// <summary>Everything the product page edits, read together and saved together.</summary>
public sealed class ProductEditModel
{
    public Guid Id { get; set; }

    /// <summary>The product's concurrency token when the form read it.</summary>
    public long Version { get; set; }

    public string Handle { get; set; } = "";

    public string Title { get; set; } = "";

    public string? DescriptionHtml { get; set; }

    public string? Vendor { get; set; }

    public string? ProductType { get; set; }

    public string? Tags { get; set; }

    public ProductStatus Status { get; set; }

    public string? Option1Name { get; set; }

    public string? Option2Name { get; set; }

    public string? Option3Name { get; set; }

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    public Guid? BrandId { get; set; }

    public Guid? CategoryId { get; set; }

    public Guid? AttributeSetId { get; set; }

    public List<VariantEdit> Variants { get; set; } = [];

    /// <summary>Translated product texts by locale and field, for the locales other than the default one.</summary>
    public Dictionary<string, Dictionary<string, string?>> Translations { get; set; } = [];

    /// <summary>Translated option values by variant id, locale and field (option1 to option3).</summary>
    public Dictionary<Guid, Dictionary<string, Dictionary<string, string?>>> VariantTranslations { get; set; } = [];

    public List<AttributeEdit> Attributes { get; set; } = [];

    public List<PriceEdit> Prices { get; set; } = [];

    public List<SupplierEdit> Suppliers { get; set; } = [];
}

public sealed class VariantEdit
{
    public Guid Id { get; set; }

    public string? Sku { get; set; }

    public string? Barcode { get; set; }

    public string? Option1 { get; set; }

    public string? Option2 { get; set; }

    public string? Option3 { get; set; }

    public decimal Price { get; set; }

    public decimal? CompareAtPrice { get; set; }

    public int? WeightGrams { get; set; }
}

/// <summary>A product-level attribute value as the form shows it. <see cref="Locale"/> is empty unless the attribute is localized.</summary>
public sealed class AttributeEdit
{
    public Guid AttributeId { get; set; }

    public string Locale { get; set; } = "";

    public string? Value { get; set; }
}

/// <summary>A variant's price in a price list. A null price removes the variant from the list.</summary>
public sealed class PriceEdit
{
    public Guid PriceListId { get; set; }

    public Guid VariantId { get; set; }

    public decimal? Price { get; set; }

    public decimal? CompareAtPrice { get; set; }
}

public sealed class SupplierEdit
{
    public Guid SupplierId { get; set; }

    public Guid VariantId { get; set; }

    public string? SupplierSku { get; set; }

    public decimal? Cost { get; set; }

    public int? LeadTimeDays { get; set; }
}

/// <summary>
/// A rule the input broke: the field, a stable code that the UI turns into a localized message, and the values the
/// message names (such as the barcode and its expected check digit).
/// </summary>
public sealed record EditError(string Field, string Code, params object[] Arguments);

public enum EditOutcome
{
    Saved,
    Invalid,

    /// <summary>Someone saved the product after the form read it, so nothing was written.</summary>
    Conflict,
    NotFound,
}

/// <summary>Result of a product save: the outcome, the new concurrency token and version number, and the errors.</summary>
public sealed record EditResult(EditOutcome Outcome, long? Version, int? VersionNumber, IReadOnlyList<EditError> Errors);
