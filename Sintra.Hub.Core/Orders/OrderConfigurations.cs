using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders.Shipping;

namespace Sintra.Hub.Core.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.HasIndex(o => new { o.ChannelId, o.ExternalId }).IsUnique().HasDatabaseName("UX_Orders_Channel_External");
        builder.HasIndex(o => o.PlacedAt).HasDatabaseName("IX_Orders_PlacedAt");
        builder.HasIndex(o => o.Status).HasDatabaseName("IX_Orders_Status");
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(o => o.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Name).HasMaxLength(64);
        builder.Property(o => o.Email).HasMaxLength(320);
        builder.Property(o => o.Phone).HasMaxLength(64);
        builder.Property(o => o.CustomerName).HasMaxLength(255);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.PresentmentCurrency).HasMaxLength(3);
        builder.Property(o => o.FinancialStatus).HasMaxLength(32);
        builder.Property(o => o.ChannelFulfillmentStatus).HasMaxLength(32);
        builder.Property(o => o.CancelReason).HasMaxLength(255);
        builder.Property(o => o.Note).HasMaxLength(5000);
        builder.OwnsOne(o => o.BillingAddress, a => ConfigureAddress(a, "Billing"));
        builder.OwnsOne(o => o.ShippingAddress, a => ConfigureAddress(a, "Shipping"));
        builder.Navigation(o => o.BillingAddress).IsRequired();
        builder.Navigation(o => o.ShippingAddress).IsRequired();
        builder.OwnsOne(o => o.Fiscal, f =>
        {
            f.Ignore(x => x.HasAny);
            f.Property(x => x.CodiceFiscale).HasMaxLength(32).HasColumnName("FiscalCodiceFiscale");
            f.Property(x => x.PartitaIva).HasMaxLength(32).HasColumnName("FiscalPartitaIva");
            f.Property(x => x.CodiceDestinatario).HasMaxLength(16).HasColumnName("FiscalCodiceDestinatario");
            f.Property(x => x.Pec).HasMaxLength(320).HasColumnName("FiscalPec");
            f.Property(x => x.Problems).HasMaxLength(2000).HasColumnName("FiscalProblems");
        });
        builder.Navigation(o => o.Fiscal).IsRequired();
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        builder.Ignore(o => o.IsOpen);
    }

    private static void ConfigureAddress<T>(OwnedNavigationBuilder<T, Address> address, string prefix)
        where T : class
    {
        address.Ignore(a => a.FullName);
        address.Property(a => a.FirstName).HasMaxLength(255).HasColumnName(prefix + "FirstName");
        address.Property(a => a.LastName).HasMaxLength(255).HasColumnName(prefix + "LastName");
        address.Property(a => a.Company).HasMaxLength(255).HasColumnName(prefix + "Company");
        address.Property(a => a.Address1).HasMaxLength(255).HasColumnName(prefix + "Address1");
        address.Property(a => a.Address2).HasMaxLength(255).HasColumnName(prefix + "Address2");
        address.Property(a => a.City).HasMaxLength(255).HasColumnName(prefix + "City");
        address.Property(a => a.Province).HasMaxLength(255).HasColumnName(prefix + "Province");
        address.Property(a => a.ProvinceCode).HasMaxLength(16).HasColumnName(prefix + "ProvinceCode");
        address.Property(a => a.Zip).HasMaxLength(32).HasColumnName(prefix + "Zip");
        address.Property(a => a.Country).HasMaxLength(100).HasColumnName(prefix + "Country");
        address.Property(a => a.CountryCode).HasMaxLength(2).HasColumnName(prefix + "CountryCode");
        address.Property(a => a.Phone).HasMaxLength(64).HasColumnName(prefix + "Phone");
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Ignore(l => l.IsUnmatched);
        builder.HasIndex(l => new { l.OrderId, l.ExternalId }).IsUnique().HasDatabaseName("UX_OrderLines_Order_External");
        builder.Property(l => l.Sku).HasMaxLength(255);
        builder.Property(l => l.Title).HasMaxLength(500);
        builder.Property(l => l.VariantTitle).HasMaxLength(500);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> builder)
    {
        builder.HasIndex(e => new { e.OrderId, e.OccurredAt }).HasDatabaseName("IX_OrderEvents_Order_Time");
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId);
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.Message).HasMaxLength(2000);
    }
}

internal sealed class OrderTagConfiguration : IEntityTypeConfiguration<OrderTag>
{
    public void Configure(EntityTypeBuilder<OrderTag> builder)
    {
        builder.HasIndex(t => new { t.OrderId, t.Name }).IsUnique().HasDatabaseName("UX_OrderTags_Order_Name");
        builder.HasIndex(t => t.Name).HasDatabaseName("IX_OrderTags_Name");
        builder.HasOne<Order>().WithMany(o => o.Tags).HasForeignKey(t => t.OrderId);
        builder.Property(t => t.Name).HasMaxLength(OrderTag.MaxLength);
    }
}

internal sealed class OrderNoteConfiguration : IEntityTypeConfiguration<OrderNote>
{
    public void Configure(EntityTypeBuilder<OrderNote> builder)
    {
        builder.HasIndex(n => new { n.OrderId, n.CreatedAt }).HasDatabaseName("IX_OrderNotes_Order_Time");
        builder.HasOne<Order>().WithMany().HasForeignKey(n => n.OrderId);
        builder.Property(n => n.Author).HasMaxLength(320);
        builder.Property(n => n.Text).HasMaxLength(OrderNote.MaxLength);
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.HasIndex(s => s.ExternalReference).IsUnique().HasDatabaseName("UX_Shipments_ExternalReference");
        builder.HasIndex(s => new { s.OrderId, s.ShippedAt }).HasDatabaseName("IX_Shipments_Order_Time");
        builder.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId);
        builder.Property(s => s.Carrier).HasMaxLength(100);
        builder.Property(s => s.TrackingNumber).HasMaxLength(100);
        builder.Property(s => s.TrackingUrl).HasMaxLength(1000);
        builder.Property(s => s.Source).HasMaxLength(200);
        builder.Property(s => s.ExternalReference).HasMaxLength(200);
    }
}

internal sealed class ShipmentLineConfiguration : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> builder)
    {
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
