using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Core.Returns;

internal sealed class ReturnRequestConfiguration : IEntityTypeConfiguration<ReturnRequest>
{
    public void Configure(EntityTypeBuilder<ReturnRequest> builder)
    {
        builder.ToTable("ReturnRequests");
        builder.HasIndex(r => r.Number).IsUnique().HasDatabaseName("UX_ReturnRequests_Number");
        builder.HasIndex(r => new { r.ChannelId, r.ExternalId }).IsUnique().HasDatabaseName("UX_ReturnRequests_Channel_External");
        builder.HasIndex(r => new { r.Status, r.RequestedAt }).HasDatabaseName("IX_ReturnRequests_Status_Requested");
        builder.HasIndex(r => r.OrderId).HasDatabaseName("IX_ReturnRequests_Order");
        builder.HasOne<SalesChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Number).HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Origin).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ReasonCode).HasMaxLength(64);
        builder.Property(r => r.CustomerComment).HasMaxLength(2000);
        builder.Property(r => r.RejectionReason).HasMaxLength(1000);
        builder.Property(r => r.Locale).HasMaxLength(8);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReturnRequestId);
        builder.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ReturnRequestId);
        builder.Ignore(r => r.IsOpen);
    }
}

internal sealed class ReturnLineConfiguration : IEntityTypeConfiguration<ReturnLine>
{
    public void Configure(EntityTypeBuilder<ReturnLine> builder)
    {
        builder.ToTable("ReturnLines");
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(l => l.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.ReasonCode).HasMaxLength(64);
        builder.Property(l => l.Disposition).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(l => l.OrderLineId).HasDatabaseName("IX_ReturnLines_OrderLine");
    }
}

internal sealed class ReturnPhotoConfiguration : IEntityTypeConfiguration<ReturnPhoto>
{
    public void Configure(EntityTypeBuilder<ReturnPhoto> builder)
    {
        builder.ToTable("ReturnPhotos");
        builder.Property(p => p.StoredName).HasMaxLength(64);
        builder.Property(p => p.ContentType).HasMaxLength(32);
    }
}

internal sealed class ReturnEventConfiguration : IEntityTypeConfiguration<ReturnEvent>
{
    public void Configure(EntityTypeBuilder<ReturnEvent> builder)
    {
        builder.ToTable("ReturnEvents");
        builder.HasOne<ReturnRequest>().WithMany().HasForeignKey(e => e.ReturnRequestId);
        builder.HasIndex(e => new { e.ReturnRequestId, e.OccurredAt }).HasDatabaseName("IX_ReturnEvents_Return_Time");
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.Message).HasMaxLength(2000);
        builder.Property(e => e.Actor).HasMaxLength(320);
    }
}

internal sealed class ChannelReturnSettingsConfiguration : IEntityTypeConfiguration<ChannelReturnSettings>
{
    public void Configure(EntityTypeBuilder<ChannelReturnSettings> builder)
    {
        builder.ToTable("ChannelReturnSettings");
        builder.HasKey(s => s.ChannelId);
        builder.HasOne<SalesChannel>().WithOne().HasForeignKey<ChannelReturnSettings>(s => s.ChannelId);
        builder.HasIndex(s => s.Slug).IsUnique().HasDatabaseName("UX_ChannelReturnSettings_Slug");
        builder.Property(s => s.Slug).HasMaxLength(64);
        builder.Property(s => s.AllowedFrameOrigins).HasMaxLength(2000);
        builder.Property(s => s.DefaultLocale).HasMaxLength(8);
        builder.Property(s => s.InstructionsIt).HasMaxLength(4000);
        builder.Property(s => s.InstructionsEn).HasMaxLength(4000);
        builder.OwnsMany(s => s.Reasons, r =>
        {
            r.ToJson("Reasons");
            r.Property(x => x.Code).HasMaxLength(64);
            r.Property(x => x.LabelIt).HasMaxLength(200);
            r.Property(x => x.LabelEn).HasMaxLength(200);
        });
    }
}
