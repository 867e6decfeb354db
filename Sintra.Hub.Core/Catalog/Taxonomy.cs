using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog;

/// <summary>A brand a product is sold under.</summary>
public class Brand : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public long Version { get; set; }
}

/// <summary>A node of the category tree. A category without a parent is a root.</summary>
public class Category : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public Guid? ParentId { get; set; }

    public long Version { get; set; }
}
