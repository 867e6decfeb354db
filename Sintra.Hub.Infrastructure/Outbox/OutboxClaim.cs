using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Outbox;

/// <summary>Rows claimed together. <see cref="LockedUntil"/> is the claim's token as well as its expiry.</summary>
internal sealed record OutboxBatch(List<OutboxMessage> Rows, DateTime LockedUntil)
{
    // Chosen on first use, because an empty claim (nothing due) has no leader.
    private readonly Lazy<OutboxMessage> leader =
        new(() => Rows.OrderBy(r => r.IdempotencyKey is null).ThenBy(r => r.CreatedAt).First());

    /// <summary>The row whose idempotency key the batch's calls use: one that already has a key, else the oldest.</summary>
    public OutboxMessage Leader => leader.Value;
}

/// <summary>Claims, keys and settles outbox rows with conditional updates, so two workers never hold the same row.</summary>
internal static class OutboxClaim
{
    /// <summary>Claims up to <paramref name="limit"/> due rows whose topic is one of <paramref name="topics"/>.</summary>
    public static async Task<OutboxBatch> ClaimAsync(
        IDbContextFactory<HubDbContext> contexts,
        DateTime now,
        StockSyncOptions options,
        IReadOnlyCollection<string> topics,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await Due(db.OutboxMessages.Where(m => topics.Contains(m.Topic)), now)
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return new OutboxBatch([], now);
        }

        // A random tick offset makes the lock expiry unique, so it also identifies this claim's rows.
        var lockedUntil = now.AddSeconds(options.LockSeconds).AddTicks(Random.Shared.Next(1, 10_000));
        await Due(db.OutboxMessages.Where(m => ids.Contains(m.Id)), now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Processing)
                    .SetProperty(m => m.LockedUntil, lockedUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Processing && m.LockedUntil == lockedUntil)
            .ToListAsync(cancellationToken);
        return new OutboxBatch(rows, lockedUntil);
    }

    /// <summary>Returns the leader's idempotency key, storing a new one first when it has none.</summary>
    public static async Task<string> LeaderKeyAsync(
        IDbContextFactory<HubDbContext> contexts,
        OutboxBatch batch,
        CancellationToken cancellationToken)
    {
        if (batch.Leader.IdempotencyKey is { } existing)
        {
            return existing;
        }

        var key = Guid.NewGuid().ToString("N");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.Id == batch.Leader.Id && m.LockedUntil == batch.LockedUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IdempotencyKey, key), cancellationToken);
        batch.Leader.IdempotencyKey = key;
        return key;
    }

    /// <summary>Settles rows of the batch that are still under its claim.</summary>
    public static Task<int> SetAsync(
        HubDbContext db,
        OutboxBatch batch,
        List<Guid> ids,
        OutboxStatus status,
        DateTime nextAttemptAt,
        string? error,
        DateTime? processedAt,
        CancellationToken cancellationToken)
    {
        var text = error is { Length: > 4000 } ? error[..4000] : error;
        return db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Processing && m.LockedUntil == batch.LockedUntil)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, text)
                    .SetProperty(m => m.ProcessedAt, processedAt)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => m.NextAttemptAt <= now
            && (((m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Retrying)
                    && (m.LockedUntil == null || m.LockedUntil < now))
                || (m.Status == OutboxStatus.Processing && m.LockedUntil < now)));
}
