using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Core.Exchange;

internal sealed class ExchangePartnerConfiguration : IEntityTypeConfiguration<ExchangePartner>
{
    public void Configure(EntityTypeBuilder<ExchangePartner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName("UX_ExchangePartners_Name");
    }
}

internal sealed class ExchangeEndpointConfiguration : IEntityTypeConfiguration<ExchangeEndpoint>
{
    public void Configure(EntityTypeBuilder<ExchangeEndpoint> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Readiness).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.RootPath).HasMaxLength(500);
        builder.Property(e => e.InboundPath).HasMaxLength(200);
        builder.Property(e => e.OutboundPath).HasMaxLength(200);
        builder.Property(e => e.Host).HasMaxLength(255);
        builder.Property(e => e.UserName).HasMaxLength(100);
        builder.Property(e => e.HostKeySha256).HasMaxLength(100);
        builder.Property(e => e.FileNameEncoding).HasMaxLength(32);
        builder.Property(e => e.Container).HasMaxLength(63);
        builder.HasOne<ExchangePartner>().WithMany().HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExchangeFlowConfiguration : IEntityTypeConfiguration<ExchangeFlow>
{
    public void Configure(EntityTypeBuilder<ExchangeFlow> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.HasIndex(f => f.Name).IsUnique().HasDatabaseName("UX_ExchangeFlows_Name");
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Cron).HasMaxLength(120);
        builder.Property(f => f.OrderStatuses).HasMaxLength(200);
        builder.HasOne<ExchangePartner>().WithMany().HasForeignKey(f => f.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExchangeEndpoint>().WithMany().HasForeignKey(f => f.EndpointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExchangeCsvProfileConfiguration : IEntityTypeConfiguration<ExchangeCsvProfile>
{
    public void Configure(EntityTypeBuilder<ExchangeCsvProfile> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName("UX_ExchangeCsvProfiles_Name");
        builder.Property(p => p.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Encoding).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Delimiter).HasMaxLength(1);
        builder.Property(p => p.Culture).HasMaxLength(16);
        builder.Property(p => p.FileNamePattern).HasMaxLength(200);
    }
}

internal sealed class ExchangeFileConfiguration : IEntityTypeConfiguration<ExchangeFile>
{
    public void Configure(EntityTypeBuilder<ExchangeFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Error).HasMaxLength(2000);
        builder.Property(f => f.MovedTo).HasMaxLength(500);
        builder.HasIndex(f => new { f.PartnerId, f.Sha256 }).IsUnique().HasDatabaseName("UX_ExchangeFiles_Partner_Sha256");
        builder.HasIndex(f => f.TakenAt).HasDatabaseName("IX_ExchangeFiles_TakenAt");
    }
}

internal sealed class ExchangeFileObservationConfiguration : IEntityTypeConfiguration<ExchangeFileObservation>
{
    public void Configure(EntityTypeBuilder<ExchangeFileObservation> builder)
    {
        builder.HasKey(o => new { o.FlowId, o.FileName });
        builder.Property(o => o.FileName).HasMaxLength(260);
    }
}

internal sealed class OrderExportEntryConfiguration : IEntityTypeConfiguration<OrderExportEntry>
{
    public void Configure(EntityTypeBuilder<OrderExportEntry> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.HasIndex(e => new { e.ProfileId, e.OrderId }).IsUnique().HasDatabaseName("UX_OrderExports_Profile_Order");
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Owner).HasMaxLength(200);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.JobGroup).HasMaxLength(100);
        builder.Property(r => r.JobName).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.Files).HasMaxLength(4000);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.HasIndex(r => new { r.JobGroup, r.JobName, r.StartedAt }).HasDatabaseName("IX_JobRuns_Job_StartedAt");
    }
}
