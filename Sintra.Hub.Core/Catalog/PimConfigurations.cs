using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Completeness;
using Sintra.Hub.Core.Catalog.Suppliers;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Channels;

namespace Sintra.Hub.Core.Catalog;

internal sealed class CatalogAttributeConfiguration : IEntityTypeConfiguration<CatalogAttribute>
{
    public void Configure(EntityTypeBuilder<CatalogAttribute> builder)
    {
        builder.ToTable("CatalogAttributes");
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.HasIndex(a => a.Code).IsUnique().HasDatabaseName("UX_CatalogAttributes_Code");
        builder.Property(a => a.LabelIt).HasMaxLength(200);
        builder.Property(a => a.LabelEn).HasMaxLength(200);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(a => a.Options).WithOne().HasForeignKey(o => o.AttributeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttributeOptionConfiguration : IEntityTypeConfiguration<AttributeOption>
{
    public void Configure(EntityTypeBuilder<AttributeOption> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.Property(o => o.LabelIt).HasMaxLength(200);
        builder.Property(o => o.LabelEn).HasMaxLength(200);
        builder.HasIndex(o => new { o.AttributeId, o.Code }).IsUnique().HasDatabaseName("UX_AttributeOptions_Attribute_Code");
    }
}

internal sealed class AttributeSetConfiguration : IEntityTypeConfiguration<AttributeSet>
{
    public void Configure(EntityTypeBuilder<AttributeSet> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.Name).IsUnique().HasDatabaseName("UX_AttributeSets_Name");
        builder.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.AttributeSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttributeSetMemberConfiguration : IEntityTypeConfiguration<AttributeSetMember>
{
    public void Configure(EntityTypeBuilder<AttributeSetMember> builder)
    {
        builder.HasKey(m => new { m.AttributeSetId, m.AttributeId });
        builder.HasOne<CatalogAttribute>().WithMany().HasForeignKey(m => m.AttributeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttributeValueConfiguration : IEntityTypeConfiguration<AttributeValue>
{
    public void Configure(EntityTypeBuilder<AttributeValue> builder)
    {
        builder.Property(v => v.Locale).HasMaxLength(16);
        builder.Property(v => v.Value).HasMaxLength(4000);
        builder.HasIndex(v => new { v.ProductId, v.VariantId, v.AttributeId, v.Locale }).IsUnique()
            .HasDatabaseName("UX_AttributeValues_Owner_Attribute_Locale");
        builder.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(v => v.VariantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<CatalogAttribute>().WithMany().HasForeignKey(v => v.AttributeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.HasIndex(b => b.Name).IsUnique().HasDatabaseName("UX_Brands_Name");
        builder.HasMany<Product>().WithOne().HasForeignKey(p => p.BrandId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => new { c.ParentId, c.Name }).IsUnique().HasDatabaseName("UX_Categories_Parent_Name");
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<Product>().WithOne().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.HasIndex(s => s.Code).IsUnique().HasDatabaseName("UX_Suppliers_Code");
        builder.Property(s => s.Name).HasMaxLength(200);
    }
}

internal sealed class SupplierEntryConfiguration : IEntityTypeConfiguration<SupplierEntry>
{
    public void Configure(EntityTypeBuilder<SupplierEntry> builder)
    {
        builder.Property(e => e.SupplierSku).HasMaxLength(255);
        builder.HasIndex(e => new { e.VariantId, e.SupplierId }).IsUnique().HasDatabaseName("UX_SupplierEntries_Variant_Supplier");
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(e => e.VariantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductVersionConfiguration : IEntityTypeConfiguration<ProductVersion>
{
    public void Configure(EntityTypeBuilder<ProductVersion> builder)
    {
        builder.Property(v => v.Author).HasMaxLength(256);
        builder.Property(v => v.SourceKind).HasMaxLength(16);
        builder.Property(v => v.SourceReference).HasMaxLength(128);
        builder.HasIndex(v => new { v.ProductId, v.Number }).IsUnique().HasDatabaseName("UX_ProductVersions_Product_Number");
        builder.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompletenessRuleConfiguration : IEntityTypeConfiguration<CompletenessRule>
{
    public void Configure(EntityTypeBuilder<CompletenessRule> builder)
    {
        builder.Property(r => r.Locale).HasMaxLength(16);
        builder.HasIndex(r => r.ChannelId).IsUnique().HasDatabaseName("UX_CompletenessRules_Channel");
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
