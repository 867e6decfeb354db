using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog;

/// <summary>A product of the catalog, identified by its URL handle.</summary>
public class Product : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>URL handle, unique across the catalog (Shopify's <c>Handle</c> column).</summary>
    public required string Handle { get; set; }

    public required string Title { get; set; }

    /// <summary>Description as HTML, kept byte for byte, line breaks included.</summary>
    public string? DescriptionHtml { get; set; }

    public string? Vendor { get; set; }

    public string? ProductType { get; set; }

    /// <summary>Comma-separated tags as Shopify sends them.</summary>
    public string? Tags { get; set; }

    public ProductStatus Status { get; set; } = ProductStatus.Active;

    public string? Option1Name { get; set; }

    public string? Option2Name { get; set; }

    public string? Option3Name { get; set; }

    /// <summary>Title for search engines in the default locale; Shopify's <c>SEO Title</c>.</summary>
    public string? SeoTitle { get; set; }

    /// <summary>Description for search engines in the default locale; Shopify's <c>SEO Description</c>.</summary>
    public string? SeoDescription { get; set; }

    public Guid? BrandId { get; set; }

    public Guid? CategoryId { get; set; }

    public Guid? AttributeSetId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public List<ProductVariant> Variants { get; set; } = [];

    public List<ProductImage> Images { get; set; } = [];
}

public enum ProductStatus
{
    Active,
    Draft,
    Archived,
}
