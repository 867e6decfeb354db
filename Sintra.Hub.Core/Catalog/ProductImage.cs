namespace Sintra.Hub.Core.Catalog;

/// <summary>
/// An image of a product in the product's image order, optionally shown for one variant. <see cref="Src"/> is the
/// URL sent to sales channels: the linked asset's public URL, or the original URL when no asset is linked.
/// </summary>
public class ProductImage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public required string Src { get; set; }

    public int Position { get; set; }

    public string? AltText { get; set; }

    /// <summary>The library asset behind <see cref="Src"/>, or null for a plain URL (rows older than the library).</summary>
    public Guid? AssetId { get; set; }

    /// <summary>The variant this image belongs to, or null when it shows the whole product.</summary>
    public Guid? VariantId { get; set; }
}
