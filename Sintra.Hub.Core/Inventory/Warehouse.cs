using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory;

/// <summary>A place that stores stock (Shopify calls it a location).</summary>
public class Warehouse : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Short unique code used in files and the UI, for example <c>MIL</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Address { get; set; }

    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}
