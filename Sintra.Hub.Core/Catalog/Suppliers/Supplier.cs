using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Suppliers;

/// <summary>A company the merchant buys goods from.</summary>
public class Supplier : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Short unique code, used in exports.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public long Version { get; set; }
}

/// <summary>What a supplier calls a variant, what it costs and how long the supplier takes to deliver it.</summary>
public class SupplierEntry : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VariantId { get; set; }

    public Guid SupplierId { get; set; }

    public string? SupplierSku { get; set; }

    /// <summary>Purchase cost per unit, in the merchant's currency.</summary>
    public decimal? Cost { get; set; }

    public int? LeadTimeDays { get; set; }

    public long Version { get; set; }
}
