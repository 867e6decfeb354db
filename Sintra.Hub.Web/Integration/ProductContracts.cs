using Sintra.Hub.Core.Catalog;

namespace Sintra.Hub.Web.Integration;

/// <summary>A product as the API returns it; <see cref="Version"/> is also sent as the ETag.</summary>
public sealed record ProductDto(
    Guid Id,
    string Handle,
    string Title,
    string? DescriptionHtml,
    string? Vendor,
    string? ProductType,
    string? Tags,
    ProductStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version,
    IReadOnlyList<VariantDto> Variants)
{
    public static ProductDto From(Product p) => new(
        p.Id, p.Handle, p.Title, p.DescriptionHtml, p.Vendor, p.ProductType, p.Tags, p.Status, p.CreatedAt,
        p.UpdatedAt, p.Version,
        p.Variants.OrderBy(v => v.Position).Select(v => new VariantDto(
            v.Id, v.Sku, v.Barcode, v.Option1, v.Option2, v.Option3, v.Price, v.CompareAtPrice, v.WeightGrams,
            v.Position)).ToList());
}

public sealed record VariantDto(
    Guid Id,
    string? Sku,
    string? Barcode,
    string? Option1,
    string? Option2,
    string? Option3,
    decimal Price,
    decimal? CompareAtPrice,
    int? WeightGrams,
    int Position);

/// <summary>
/// The body of a product create or update. Variants are matched by SKU: a known SKU updates its variant, a new SKU
/// adds one, and variants not listed stay as they are.
/// </summary>
public sealed class ProductInput
{
    public string? Handle { get; set; }

    public string? Title { get; set; }

    public string? DescriptionHtml { get; set; }

    public string? Vendor { get; set; }

    public string? ProductType { get; set; }

    public string? Tags { get; set; }

    public ProductStatus? Status { get; set; }

    public List<VariantInput>? Variants { get; set; }

    /// <summary>Returns field errors keyed by JSON path, each naming the bad value and the fix.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var handle = Handle?.Trim();
        if (string.IsNullOrEmpty(handle))
        {
            errors["handle"] = ["handle is missing; send a URL handle such as 'linen-shirt'."];
        }
        else if (handle.Length > 255 || handle.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            errors["handle"] = [$"handle '{handle}' is invalid; use up to 255 lower-case letters, digits and hyphens."];
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = ["title is missing; send the product name."];
        }
        else if (Title.Trim().Length > 255)
        {
            errors["title"] = [$"title has {Title.Trim().Length} characters; shorten it to 255 or fewer."];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (Variants?.Count ?? 0); i++)
        {
            var variant = Variants![i];
            if (string.IsNullOrWhiteSpace(variant.Sku))
            {
                errors[$"variants[{i}].sku"] = ["sku is missing; every variant sent through the API needs a SKU."];
            }
            else if (!seen.Add(variant.Sku))
            {
                errors[$"variants[{i}].sku"] = [$"sku '{variant.Sku}' appears twice; send each SKU once."];
            }

            if (variant.Price is < 0)
            {
                errors[$"variants[{i}].price"] = [$"price {variant.Price} is negative; send 0 or more."];
            }

            if (variant.CompareAtPrice is < 0)
            {
                errors[$"variants[{i}].compareAtPrice"] = [$"compareAtPrice {variant.CompareAtPrice} is negative; send 0 or more, or null."];
            }
        }

        return errors;
    }

    /// <summary>Copies every field but handle and title onto the product and upserts the variants by SKU.</summary>
    public void ApplyTo(Product product, DateTime now)
    {
        product.DescriptionHtml = DescriptionHtml;
        product.Vendor = Vendor;
        product.ProductType = ProductType;
        product.Tags = Tags;
        product.Status = Status ?? product.Status;
        product.UpdatedAt = now;
        foreach (var input in Variants ?? [])
        {
            var variant = product.Variants.FirstOrDefault(v => string.Equals(v.Sku, input.Sku, StringComparison.Ordinal));
            if (variant is null)
            {
                variant = new ProductVariant
                {
                    ProductId = product.Id,
                    Sku = input.Sku,
                    Position = product.Variants.Count + 1,
                };
                product.Variants.Add(variant);
            }

            variant.Barcode = input.Barcode;
            variant.Option1 = input.Option1;
            variant.Option2 = input.Option2;
            variant.Option3 = input.Option3;
            variant.Price = input.Price ?? variant.Price;
            variant.CompareAtPrice = input.CompareAtPrice;
            variant.WeightGrams = input.WeightGrams;
        }
    }
}

public sealed class VariantInput
{
    public string? Sku { get; set; }

    public string? Barcode { get; set; }

    public string? Option1 { get; set; }

    public string? Option2 { get; set; }

    public string? Option3 { get; set; }

    public decimal? Price { get; set; }

    public decimal? CompareAtPrice { get; set; }

    public int? WeightGrams { get; set; }
}
