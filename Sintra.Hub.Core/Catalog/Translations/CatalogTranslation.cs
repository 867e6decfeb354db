using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Translations;

/// <summary>
/// A translation of one text field of a catalog entity into one locale. The entity's own columns hold the text in
/// the catalog's default locale, so a missing row means "not translated", never an empty text.
/// </summary>
public class CatalogTranslation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public TranslatedEntity EntityKind { get; set; }

    public Guid EntityId { get; set; }

    /// <summary>Language tag such as <c>it</c> or <c>en</c>, lower case.</summary>
    public required string Locale { get; set; }

    /// <summary>Field name, one of <see cref="TranslatedFields"/> or an attribute code.</summary>
    public required string Field { get; set; }

    public required string Value { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

public enum TranslatedEntity
{
    Product,
    Variant,
    ProductImage,
    Attribute,
}

/// <summary>Names of the translatable text fields, matching the keys Shopify's translations use where one exists.</summary>
public static class TranslatedFields
{
    public const string Title = "title";
    public const string DescriptionHtml = "body_html";
    public const string Handle = "handle";
    public const string ProductType = "product_type";
    public const string SeoTitle = "meta_title";
    public const string SeoDescription = "meta_description";
    public const string Option1Name = "option1_name";
    public const string Option2Name = "option2_name";
    public const string Option3Name = "option3_name";
    public const string Option1 = "option1";
    public const string Option2 = "option2";
    public const string Option3 = "option3";
    public const string AltText = "alt";
}
