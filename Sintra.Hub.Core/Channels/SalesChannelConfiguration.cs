using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sintra.Hub.Core.Inventory;

namespace Sintra.Hub.Core.Channels;

internal sealed class SalesChannelConfiguration : IEntityTypeConfiguration<SalesChannel>
{
    public void Configure(EntityTypeBuilder<SalesChannel> builder)
    {
        builder.ToTable("Channels");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.ShopDomain).HasMaxLength(255);
        builder.HasIndex(c => c.ShopDomain).IsUnique().HasDatabaseName("UX_Channels_ShopDomain");
        builder.Property(c => c.WebhookSecretProtected).HasMaxLength(1024);
        builder.Property(c => c.PreviousWebhookSecretProtected).HasMaxLength(1024);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(c => c.OrderWarehouseId).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsOne(c => c.FiscalAttributes, map =>
        {
            map.Property(m => m.CodiceFiscale).HasMaxLength(100).HasColumnName("FiscalAttrCodiceFiscale");
            map.Property(m => m.PartitaIva).HasMaxLength(100).HasColumnName("FiscalAttrPartitaIva");
            map.Property(m => m.CodiceDestinatario).HasMaxLength(100).HasColumnName("FiscalAttrCodiceDestinatario");
            map.Property(m => m.Pec).HasMaxLength(100).HasColumnName("FiscalAttrPec");
        });
        builder.Navigation(c => c.FiscalAttributes).IsRequired();
        builder.HasMany(c => c.StockSources).WithOne().HasForeignKey(s => s.ChannelId);
    }
}

internal sealed class ChannelStockSourceConfiguration : IEntityTypeConfiguration<ChannelStockSource>
{
    public void Configure(EntityTypeBuilder<ChannelStockSource> builder)
    {
        builder.HasIndex(s => new { s.ChannelId, s.WarehouseId }).IsUnique().HasDatabaseName("UX_ChannelStockSources_Channel_Warehouse");
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
