using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Jobs;

/// <summary>
/// Takes, renews and releases job leases with conditional updates, so that among several app instances on one
/// database only the lease owner runs a job. A crashed owner's lease is taken over once it expires.
/// </summary>
public sealed class JobLeaseStore(IDbContextFactory<HubDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Takes the lease when it is free, expired or already held by <paramref name="owner"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<JobLease>().AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.Set<JobLease>().Add(new JobLease { Name = name, ExpiresAt = DateTime.UnixEpoch });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance inserted the row first; the update below competes for it.
                db.ChangeTracker.Clear();
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var updated = await db.Set<JobLease>()
            .Where(l => l.Name == name && (l.Owner == null || l.Owner == owner || l.ExpiresAt < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, expires).SetProperty(l => l.AcquiredAt, now),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>Extends a held lease; returns false when another owner has taken it.</summary>
    public async Task<bool> RenewAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expires = clock.GetUtcNow().UtcDateTime + duration;
        return await db.Set<JobLease>()
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), cancellationToken) == 1;
    }

    public async Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<JobLease>()
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null), cancellationToken);
    }
}
