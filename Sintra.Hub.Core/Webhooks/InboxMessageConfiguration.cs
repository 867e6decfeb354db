using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sintra.Hub.Core.Webhooks;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.HasIndex(m => new { m.Source, m.WebhookId }).IsUnique().HasDatabaseName("UX_InboxMessages_Source_WebhookId");
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName("IX_InboxMessages_Status_NextAttempt");
        builder.HasIndex(m => m.ReceivedAt).HasDatabaseName("IX_InboxMessages_ReceivedAt");
        builder.Property(m => m.Source).HasMaxLength(32);
        builder.Property(m => m.WebhookId).HasMaxLength(128);
        builder.Property(m => m.ShopDomain).HasMaxLength(255);
        builder.Property(m => m.Topic).HasMaxLength(64);
        builder.Property(m => m.ApiVersion).HasMaxLength(16);
        builder.Property(m => m.EventId).HasMaxLength(128);
        builder.Property(m => m.LastError).HasMaxLength(4000);
    }
}
