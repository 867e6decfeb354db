using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sintra.Hub.Core.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Topic).HasMaxLength(64);
        builder.Property(m => m.Payload).HasMaxLength(4000);
        builder.Property(m => m.LastError).HasMaxLength(4000);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName("IX_OutboxMessages_Status_NextAttempt");
        builder.HasIndex(m => new { m.Topic, m.EntityId }).HasDatabaseName("IX_OutboxMessages_Topic_Entity");
    }
}
