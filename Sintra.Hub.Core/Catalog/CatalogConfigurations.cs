using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sintra.Hub.Core.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Handle).HasMaxLength(255);
        builder.HasIndex(p => p.Handle).IsUnique().HasDatabaseName("UX_Products_Handle");
        builder.Property(p => p.Title).HasMaxLength(255);
        builder.Property(p => p.Vendor).HasMaxLength(255);
        builder.Property(p => p.ProductType).HasMaxLength(255);
        builder.Property(p => p.Tags).HasMaxLength(2000);
        builder.Property(p => p.Option1Name).HasMaxLength(255);
        builder.Property(p => p.Option2Name).HasMaxLength(255);
        builder.Property(p => p.Option3Name).HasMaxLength(255);
        builder.Property(p => p.SeoTitle).HasMaxLength(255);
        builder.Property(p => p.SeoDescription).HasMaxLength(1000);
        builder.HasMany(p => p.Variants).WithOne(v => v.Product).HasForeignKey(v => v.ProductId);
        builder.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId);
    }
}

internal sealed class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> builder)
    {
        builder.ToTable("Variants");
        builder.Ignore(v => v.Title);
        builder.Property(v => v.Sku).HasMaxLength(255);
        builder.HasIndex(v => v.Sku).IsUnique().HasDatabaseName("UX_Variants_Sku");
        builder.Property(v => v.Barcode).HasMaxLength(64);
        builder.HasIndex(v => v.Barcode).HasDatabaseName("IX_Variants_Barcode");
        builder.Property(v => v.Option1).HasMaxLength(255);
        builder.Property(v => v.Option2).HasMaxLength(255);
        builder.Property(v => v.Option3).HasMaxLength(255);
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> builder)
    {
        builder.Property(i => i.Src).HasMaxLength(2048);
        builder.Property(i => i.AltText).HasMaxLength(512);

        // Restrict, because the library rejects deleting a linked asset. NoAction on the variant, because SQL Server
        // rejects a second cascade path from Products. Code that deletes a variant must first clear VariantId on its
        // images, or the delete fails on the foreign key.
        builder.HasOne<Assets.Asset>().WithMany().HasForeignKey(i => i.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(i => i.VariantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(i => new { i.ProductId, i.Position }).HasDatabaseName("IX_ProductImages_Product_Position");
    }
}

internal sealed class CatalogTranslationConfiguration : IEntityTypeConfiguration<Translations.CatalogTranslation>
{
    public void Configure(EntityTypeBuilder<Translations.CatalogTranslation> builder)
    {
        builder.Property(t => t.Locale).HasMaxLength(16);
        builder.Property(t => t.Field).HasMaxLength(64);
        builder.HasIndex(t => new { t.EntityKind, t.EntityId, t.Locale, t.Field }).IsUnique()
            .HasDatabaseName("UX_CatalogTranslations_Entity_Locale_Field");
    }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<Pricing.PriceList>
{
    public void Configure(EntityTypeBuilder<Pricing.PriceList> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName("UX_PriceLists_Name");
        builder.HasIndex(p => new { p.ChannelId, p.Currency }).HasDatabaseName("IX_PriceLists_Channel_Currency");
        builder.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.PriceListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriceListEntryConfiguration : IEntityTypeConfiguration<Pricing.PriceListEntry>
{
    public void Configure(EntityTypeBuilder<Pricing.PriceListEntry> builder)
    {
        builder.HasIndex(e => new { e.PriceListId, e.VariantId }).IsUnique()
            .HasDatabaseName("UX_PriceListEntries_List_Variant");
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(e => e.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}
