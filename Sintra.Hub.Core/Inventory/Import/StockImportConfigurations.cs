using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sintra.Hub.Core.Inventory.Import;

internal sealed class StockImportProfileConfiguration : IEntityTypeConfiguration<StockImportProfile>
{
    public void Configure(EntityTypeBuilder<StockImportProfile> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName("UX_StockImportProfiles_Name");
        builder.Property(p => p.Delimiter).HasMaxLength(1);
        builder.Property(p => p.Culture).HasMaxLength(16);
        builder.Property(p => p.KeyColumn).HasMaxLength(100);
        builder.Property(p => p.QuantityColumn).HasMaxLength(100);
        builder.Property(p => p.WarehouseColumn).HasMaxLength(100);
        builder.Property(p => p.CountedAtColumn).HasMaxLength(100);
        builder.Property(p => p.Encoding).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.KeyKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(p => p.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockImportConfiguration : IEntityTypeConfiguration<StockImport>
{
    public void Configure(EntityTypeBuilder<StockImport> builder)
    {
        builder.Property(i => i.ProfileName).HasMaxLength(100);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.StoredFileName).HasMaxLength(100);
        builder.Property(i => i.UserName).HasMaxLength(256);
        builder.Property(i => i.UndoneBy).HasMaxLength(256);
        builder.Property(i => i.Message).HasMaxLength(2000);
        builder.Property(i => i.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => i.CreatedAt).HasDatabaseName("IX_StockImports_CreatedAt");
        builder.HasIndex(i => i.Status).HasDatabaseName("IX_StockImports_Status");
    }
}
