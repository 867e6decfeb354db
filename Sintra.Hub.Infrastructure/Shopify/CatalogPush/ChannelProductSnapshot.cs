using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>
/// What one channel should hold of one product: its fields in the shop locale, the included variants at the
/// channel's prices, the images, and the translations into the shop's further locales.
/// </summary>
public sealed record ChannelProductSnapshot(
    Product Product,
    bool Listed,
    string? NotListedReason,
    string Title,
    string? DescriptionHtml,
    string? ProductType,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ProductOptionSpec> Options,
    IReadOnlyList<SnapshotVariant> Variants,
    IReadOnlyList<ProductImage> Images,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Translations)
{
    /// <summary>Shopify's product status for the hub's status.</summary>
    public string ShopifyStatus => Product.Status switch
    {
        ProductStatus.Active => "ACTIVE",
        ProductStatus.Draft => "DRAFT",
        _ => "ARCHIVED",
    };

    /// <summary>Hash of everything <c>productSet</c> sends except SKUs and prices.</summary>
    public string StructureHash() => Hash(new
    {
        Product.Handle,
        Title,
        DescriptionHtml,
        Product.Vendor,
        ProductType,
        Tags,
        ShopifyStatus,
        Options,
        Variants = Variants.Select(v => new { v.Variant.Id, v.OptionValues, v.Variant.Barcode, v.Variant.Taxable, v.Variant.RequiresShipping }),
        Images = Images.Select(i => new { i.Id, i.Src, i.AltText }),
    });

    /// <summary>Hash of the variant SKUs and channel prices.</summary>
    public string PriceHash() =>
        Hash(Variants.Select(v => new { v.Variant.Id, v.Variant.Sku, v.Price, v.CompareAtPrice }));

    /// <summary>
    /// Hash of the translations together with the primary-locale values they translate, because a change of either
    /// needs a new registration.
    /// </summary>
    public string TranslationHash() => Hash(new
    {
        Title,
        DescriptionHtml,
        ProductType,
        Product.Handle,
        Translations = Translations.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new { t.Key, Fields = t.Value.OrderBy(f => f.Key, StringComparer.Ordinal) }),
    });

    internal static string Hash(object value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}

/// <summary>An included variant with its option values and its price on the channel.</summary>
public sealed record SnapshotVariant(
    ProductVariant Variant,
    IReadOnlyList<VariantOptionValue> OptionValues,
    decimal Price,
    decimal? CompareAtPrice);

/// <summary>
/// Hash of the title, description, tags and variant prices in the normal form shared by the push and the
/// <c>products/update</c> webhook, so that a webhook carrying what the hub sent is recognised as its echo.
/// </summary>
public static class ChannelContentHash
{
    /// <param name="Prices">Price and compare-at price per Shopify variant id.</param>
    public static string Compute(string title, string? descriptionHtml, IEnumerable<string> tags,
        IEnumerable<(string VariantId, decimal Price, decimal? CompareAtPrice)> prices)
    {
        var builder = new StringBuilder();
        builder.Append(title).Append('\u001f').Append(descriptionHtml ?? string.Empty).Append('\u001f');
        builder.AppendJoin(',', NormalTags(tags)).Append('\u001f');
        foreach (var (variantId, price, compareAt) in prices.OrderBy(p => p.VariantId, StringComparer.Ordinal))
        {
            builder.Append(variantId).Append('=').Append(ShopifyAdminClient.Money(price)).Append('/')
                .Append(compareAt is { } value ? ShopifyAdminClient.Money(value) : string.Empty).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Splits comma-separated tags, trims them and sorts them, as Shopify returns them in its own order.</summary>
    public static IReadOnlyList<string> SplitTags(string? tags) =>
        NormalTags((tags ?? string.Empty).Split(','));

    private static List<string> NormalTags(IEnumerable<string> tags) =>
        tags.Select(tag => tag.Trim()).Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
}
