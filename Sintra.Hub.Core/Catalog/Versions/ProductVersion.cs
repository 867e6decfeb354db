namespace Sintra.Hub.Core.Catalog.Versions;

/// <summary>A stored state of a product, numbered from 1 per product, with the changes from the previous one.</summary>
public class ProductVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? Author { get; set; }

    /// <summary>One of <see cref="VersionSourceKinds"/>.</summary>
    public required string SourceKind { get; set; }

    public string? SourceReference { get; set; }

    /// <summary>The product's full state as JSON, a serialized <see cref="ProductSnapshot"/>.</summary>
    public required string Snapshot { get; set; }

    /// <summary>The field changes from the previous version as a JSON array of <see cref="FieldChange"/>.</summary>
    public required string Changes { get; set; }
}
