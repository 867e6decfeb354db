using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sintra.Hub.Core.Channels;

internal sealed class ShopifyChannelSyncConfiguration : IEntityTypeConfiguration<ShopifyChannelSync>
{
    public void Configure(EntityTypeBuilder<ShopifyChannelSync> builder)
    {
        builder.HasKey(s => s.ChannelId);
        builder.HasOne<SalesChannel>().WithOne().HasForeignKey<ShopifyChannelSync>(s => s.ChannelId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.AccessTokenProtected).HasMaxLength(2000);
        builder.Property(s => s.ApiBaseAddress).HasMaxLength(500);
        builder.Property(s => s.LastError).HasMaxLength(4000);
    }
}

internal sealed class ShopifyLocationMappingConfiguration : IEntityTypeConfiguration<ShopifyLocationMapping>
{
    public void Configure(EntityTypeBuilder<ShopifyLocationMapping> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.LocationId).HasMaxLength(200);
        builder.Property(m => m.LocationName).HasMaxLength(200);
        builder.HasIndex(m => new { m.ChannelId, m.LocationId }).IsUnique();
    }
}

internal sealed class ShopifyVariantLinkConfiguration : IEntityTypeConfiguration<ShopifyVariantLink>
{
    public void Configure(EntityTypeBuilder<ShopifyVariantLink> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(l => l.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Sku).HasMaxLength(255);
        builder.Property(l => l.InventoryItemId).HasMaxLength(200);
        builder.Property(l => l.ShopifyVariantId).HasMaxLength(200);
        builder.Property(l => l.Error).HasMaxLength(1000);
        builder.HasIndex(l => new { l.ChannelId, l.VariantId }).IsUnique();
    }
}

internal sealed class ShopifyLevelStateConfiguration : IEntityTypeConfiguration<ShopifyLevelState>
{
    public void Configure(EntityTypeBuilder<ShopifyLevelState> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.InventoryItemId).HasMaxLength(200);
        builder.Property(s => s.LocationId).HasMaxLength(200);
        builder.HasIndex(s => new { s.ChannelId, s.InventoryItemId, s.LocationId }).IsUnique();
        builder.HasIndex(s => s.VariantId);
    }
}

internal sealed class ShopifyStockDriftConfiguration : IEntityTypeConfiguration<ShopifyStockDrift>
{
    public void Configure(EntityTypeBuilder<ShopifyStockDrift> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.InventoryItemId).HasMaxLength(200);
        builder.Property(d => d.LocationId).HasMaxLength(200);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(d => new { d.ChannelId, d.DetectedAt });
    }
}
