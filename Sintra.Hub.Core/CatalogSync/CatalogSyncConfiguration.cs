using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;

namespace Sintra.Hub.Core.CatalogSync;

internal sealed class ChannelCatalogSettingsConfiguration : IEntityTypeConfiguration<ChannelCatalogSettings>
{
    public void Configure(EntityTypeBuilder<ChannelCatalogSettings> builder)
    {
        builder.HasKey(s => s.ChannelId);
        builder.HasOne<SalesChannel>().WithOne().HasForeignKey<ChannelCatalogSettings>(s => s.ChannelId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Locale).HasMaxLength(16);
        builder.Property(s => s.TranslationLocales).HasMaxLength(200);
        builder.Property(s => s.DefaultListing).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.IncomingUpdates).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class ProductListingConfiguration : IEntityTypeConfiguration<ProductListing>
{
    public void Configure(EntityTypeBuilder<ProductListing> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(l => l.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ChannelId, l.ProductId }).IsUnique();
    }
}

internal sealed class VariantListingConfiguration : IEntityTypeConfiguration<VariantListing>
{
    public void Configure(EntityTypeBuilder<VariantListing> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(l => l.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ChannelId, l.VariantId }).IsUnique();
    }
}

internal sealed class ChannelProductSyncConfiguration : IEntityTypeConfiguration<ChannelProductSync>
{
    public void Configure(EntityTypeBuilder<ChannelProductSync> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ChannelId, s.ProductId }).IsUnique();
        builder.HasIndex(s => new { s.ChannelId, s.ExternalProductId });
        builder.Property(s => s.ExternalProductId).HasMaxLength(200);
        builder.Property(s => s.LastError).HasMaxLength(4000);
        builder.Property(s => s.StructureHash).HasMaxLength(64);
        builder.Property(s => s.PriceHash).HasMaxLength(64);
        builder.Property(s => s.TranslationHash).HasMaxLength(64);
        builder.Property(s => s.ChannelContentHash).HasMaxLength(64);
        builder.Property(s => s.ConflictWebhookId).HasMaxLength(200);
    }
}

internal sealed class ChannelMediaLinkConfiguration : IEntityTypeConfiguration<ChannelMediaLink>
{
    public void Configure(EntityTypeBuilder<ChannelMediaLink> builder)
    {
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(l => l.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductImage>().WithMany().HasForeignKey(l => l.ProductImageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ChannelId, l.ProductImageId }).IsUnique();
        builder.Property(l => l.Src).HasMaxLength(2048);
        builder.Property(l => l.ExternalMediaId).HasMaxLength(200);
    }
}
