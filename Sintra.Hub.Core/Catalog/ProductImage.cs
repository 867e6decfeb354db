namespace Sintra.Hub.Core.Catalog;

/// <summary>An image of a product, referenced by URL.</summary>
public class ProductImage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public required string Src { get; set; }

    public int Position { get; set; }

    public string? AltText { get; set; }
}
