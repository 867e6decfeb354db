using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sintra.Hub.Core.Assets;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.Sha256).HasDatabaseName("IX_Assets_Sha256");
        builder.Property(a => a.Tags).HasMaxLength(1000);
        builder.Property(a => a.TitleIt).HasMaxLength(255);
        builder.Property(a => a.TitleEn).HasMaxLength(255);
        builder.Property(a => a.AltTextIt).HasMaxLength(512);
        builder.Property(a => a.AltTextEn).HasMaxLength(512);
        builder.Property(a => a.StorageKey).HasMaxLength(400);
        builder.Property(a => a.ThumbnailKey).HasMaxLength(400);
        builder.Property(a => a.PublicUrl).HasMaxLength(2048);
        builder.Property(a => a.ThumbnailUrl).HasMaxLength(2048);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.FolderId, a.CreatedAt }).HasDatabaseName("IX_Assets_Folder_Created");
        builder.HasOne<AssetFolder>().WithMany().HasForeignKey(a => a.FolderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssetFolderConfiguration : IEntityTypeConfiguration<AssetFolder>
{
    public void Configure(EntityTypeBuilder<AssetFolder> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.HasIndex(f => new { f.ParentId, f.Name }).IsUnique().HasDatabaseName("UX_AssetFolders_Parent_Name");
        builder.HasOne<AssetFolder>().WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
