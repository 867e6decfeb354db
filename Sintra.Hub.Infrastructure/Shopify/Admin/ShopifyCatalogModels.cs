namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// The complete state of one product for <c>productSet</c>. The lists are complete: Shopify deletes the variants,
/// options and files of the product that they leave out.
/// </summary>
/// <param name="ProductId">The product GID when known; otherwise the product is matched by handle or created.</param>
/// <param name="Status">Shopify's product status: <c>ACTIVE</c>, <c>DRAFT</c> or <c>ARCHIVED</c>.</param>
public sealed record ProductSetRequest(
    string? ProductId,
    string Handle,
    string Title,
    string? DescriptionHtml,
    string? Vendor,
    string? ProductType,
    IReadOnlyList<string> Tags,
    string Status,
    IReadOnlyList<ProductOptionSpec> Options,
    IReadOnlyList<ProductVariantSpec> Variants,
    IReadOnlyList<ProductFileSpec> Files);

/// <summary>A product option with its values in display order.</summary>
public sealed record ProductOptionSpec(string Name, IReadOnlyList<string> Values);

/// <summary>A variant of a <see cref="ProductSetRequest"/>; <paramref name="Id"/> is its GID once known.</summary>
public sealed record ProductVariantSpec(
    string? Id,
    string? Sku,
    string? Barcode,
    IReadOnlyList<VariantOptionValue> OptionValues,
    decimal Price,
    decimal? CompareAtPrice,
    bool Taxable,
    bool RequiresShipping);

public sealed record VariantOptionValue(string OptionName, string Name);

/// <summary>
/// An image of the product: <paramref name="Id"/> refers to media the shop already holds, and
/// <paramref name="OriginalSource"/> is the public URL of a new image that Shopify downloads.
/// </summary>
public sealed record ProductFileSpec(string? Id, string? OriginalSource, string? Alt);

/// <summary>Outcome of <c>productSet</c>: the product's ids, or the user errors that rejected it.</summary>
/// <param name="MediaIds">The product's media ids in position order, matching the files sent.</param>
public sealed record ProductSetOutcome(
    string? ProductId,
    IReadOnlyList<ShopifyVariantRef> Variants,
    IReadOnlyList<string> MediaIds,
    IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary>A variant's SKU and prices for <c>productVariantsBulkUpdate</c>.</summary>
public sealed record VariantPriceUpdate(string VariantId, string? Sku, decimal Price, decimal? CompareAtPrice);

/// <summary>A translatable field of a resource in the shop's primary locale, with the digest of its value.</summary>
public sealed record TranslatableContent(string Key, string? Value, string? Digest, string Locale);

/// <summary>
/// A translation to register. <paramref name="Digest"/> is the digest of the primary-locale content it translates,
/// as read with <c>translatableResource</c>; Shopify rejects the translation when the content changed since.
/// </summary>
public sealed record TranslationSpec(string Locale, string Key, string Value, string Digest);
