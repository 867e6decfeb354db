using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Core.Inventory;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.Property(w => w.Code).HasMaxLength(32);
        builder.HasIndex(w => w.Code).IsUnique().HasDatabaseName("UX_Warehouses_Code");
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Address).HasMaxLength(500);
    }
}

internal sealed class InventoryLevelConfiguration : IEntityTypeConfiguration<InventoryLevel>
{
    public void Configure(EntityTypeBuilder<InventoryLevel> builder)
    {
        builder.Ignore(l => l.Available);
        builder.HasIndex(l => new { l.VariantId, l.WarehouseId }).IsUnique().HasDatabaseName("UX_InventoryLevels_Variant_Warehouse");
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(l => l.VariantId);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(l => l.WarehouseId).OnDelete(DeleteBehavior.Restrict);

        // Changed only by conditional UPDATE statements that bump it, never by a tracked read-modify-write.
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}

internal sealed class InventoryMovementConfiguration : IEntityTypeConfiguration<InventoryMovement>
{
    public void Configure(EntityTypeBuilder<InventoryMovement> builder)
    {
        builder.Property(m => m.ReferenceType).HasMaxLength(32);
        builder.Property(m => m.ReferenceId).HasMaxLength(128);
        builder.Property(m => m.Actor).HasMaxLength(256);
        builder.Property(m => m.Note).HasMaxLength(StockRules.MaxReasonLength);
        builder.HasIndex(m => new { m.VariantId, m.WarehouseId, m.OccurredAt }).HasDatabaseName("IX_InventoryMovements_Item_Time");
        builder.HasIndex(m => new { m.ReferenceType, m.ReferenceId }).HasDatabaseName("IX_InventoryMovements_Reference");
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(m => m.VariantId);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(m => m.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.HasIndex(r => new { r.VariantId, r.WarehouseId, r.Status }).HasDatabaseName("IX_Reservations_Item_Status");
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(r => r.OrderLineId);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockCheckIssueConfiguration : IEntityTypeConfiguration<StockCheckIssue>
{
    public void Configure(EntityTypeBuilder<StockCheckIssue> builder)
    {
        builder.Property(i => i.Documents).HasMaxLength(1000);
        builder.Property(i => i.ClosedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.Status, i.VariantId, i.WarehouseId }).HasDatabaseName("IX_StockCheckIssues_Status_Item");
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(i => i.VariantId);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(i => i.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
