using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>Sync state of one product on one channel, as the catalog pages show it.</summary>
public enum ProductSyncState
{
    NotListed,
    NotSynced,
    Pending,
    Synced,
    Failed,
    Conflict,
}

/// <summary>One product's state on one channel.</summary>
public sealed record ProductChannelStatus(
    Guid ChannelId,
    string ChannelName,
    ProductSyncState State,
    DateTime? SyncedAt,
    string? LastError,
    string? ExternalProductId);

/// <summary>Progress of a staff request to sync products: rows done, failed and still waiting.</summary>
public sealed record SyncRequestProgress(int Total, int Done, int Failed)
{
    public int Waiting => Total - Done - Failed;

    public bool IsFinished => Waiting == 0;
}

/// <summary>
/// Staff actions on the catalog sync: sync requests for one product, a selection or a whole channel, their
/// progress, and the sync state shown on the catalog pages.
/// </summary>
public sealed class CatalogSyncService(HubDbContext db, TimeProvider clock)
{
    private static readonly OutboxStatus[] WaitingStatuses =
        [OutboxStatus.Pending, OutboxStatus.Processing, OutboxStatus.Retrying];

    /// <summary>
    /// Queues a full push of the products to the channel, marking each row with a new request id that
    /// <see cref="GetProgressAsync"/> counts. A product that already waits for a push joins the request instead of
    /// getting a second row. Returns the request id.
    /// </summary>
    public async Task<string> RequestSyncAsync(Guid channelId, IReadOnlyCollection<Guid> productIds,
        CancellationToken cancellationToken)
    {
        var requestId = Guid.CreateVersion7().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = productIds.Distinct().ToList();
        foreach (var batch in ids.Chunk(500))
        {
            var waiting = await db.OutboxMessages
                .Where(m => m.Topic == CatalogSyncTopics.CatalogChanged && m.ChannelId == channelId
                    && m.Status == OutboxStatus.Pending && m.EntityId != null && batch.Contains(m.EntityId.Value))
                .ToListAsync(cancellationToken);
            foreach (var productId in batch)
            {
                var row = waiting.Find(m => m.EntityId == productId);
                if (row is not null)
                {
                    row.Payload = requestId;
                    continue;
                }

                db.OutboxMessages.Add(new OutboxMessage
                {
                    Topic = CatalogSyncTopics.CatalogChanged,
                    ChannelId = channelId,
                    EntityId = productId,
                    Payload = requestId,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return requestId;
    }

    /// <summary>Queues every product the channel lists, or held from an earlier push, for a full push.</summary>
    public async Task<(string RequestId, int Count)> RequestChannelSyncAsync(Guid channelId,
        CancellationToken cancellationToken)
    {
        var settings = await db.Set<ChannelCatalogSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken)
            ?? throw new InvalidOperationException("The channel has no catalog settings; save them first.");
        var listings = db.Set<ProductListing>().Where(l => l.ChannelId == channelId);
        var listed = settings.DefaultListing == ListingDefault.IncludeAll
            ? db.Products.Where(p => !listings.Any(l => l.ProductId == p.Id && !l.Included)).Select(p => p.Id)
            : listings.Where(l => l.Included).Select(l => l.ProductId);
        var pushed = db.Set<ChannelProductSync>()
            .Where(s => s.ChannelId == channelId && s.ExternalProductId != null)
            .Select(s => s.ProductId);
        var ids = await listed.Union(pushed).ToListAsync(cancellationToken);
        return (await RequestSyncAsync(channelId, ids, cancellationToken), ids.Count);
    }

    public async Task<SyncRequestProgress> GetProgressAsync(Guid channelId, string requestId,
        CancellationToken cancellationToken)
    {
        var counts = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == CatalogSyncTopics.CatalogChanged && m.ChannelId == channelId
                && m.Payload == requestId)
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new SyncRequestProgress(
            counts.Sum(c => c.Count),
            counts.Where(c => c.Status == OutboxStatus.Done).Sum(c => c.Count),
            counts.Where(c => c.Status == OutboxStatus.Failed).Sum(c => c.Count));
    }

    /// <summary>Returns the state of each product on each channel with catalog settings, keyed by product id.</summary>
    public async Task<Dictionary<Guid, List<ProductChannelStatus>>> GetStatusesAsync(
        IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var ids = productIds.ToList();
        var channels = await (from settings in db.Set<ChannelCatalogSettings>().AsNoTracking()
                              join channel in db.Channels.AsNoTracking() on settings.ChannelId equals channel.Id
                              orderby channel.Name
                              select new { Settings = settings, channel.Name })
            .ToListAsync(cancellationToken);
        var syncs = await db.Set<ChannelProductSync>().AsNoTracking().Where(s => ids.Contains(s.ProductId))
            .ToListAsync(cancellationToken);
        var listings = await db.Set<ProductListing>().AsNoTracking().Where(l => ids.Contains(l.ProductId))
            .ToListAsync(cancellationToken);
        var waiting = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == CatalogSyncTopics.CatalogChanged && WaitingStatuses.Contains(m.Status)
                && m.EntityId != null && ids.Contains(m.EntityId.Value))
            .Select(m => new { m.ChannelId, m.EntityId })
            .ToListAsync(cancellationToken);

        var result = new Dictionary<Guid, List<ProductChannelStatus>>();
        foreach (var productId in ids)
        {
            var statuses = new List<ProductChannelStatus>();
            foreach (var channel in channels)
            {
                var channelId = channel.Settings.ChannelId;
                var sync = syncs.Find(s => s.ChannelId == channelId && s.ProductId == productId);
                var listed = ListingRules.IsProductIncluded(channel.Settings,
                    listings.Find(l => l.ChannelId == channelId && l.ProductId == productId));
                var state = sync?.ConflictValues is not null ? ProductSyncState.Conflict
                    : waiting.Exists(w => w.ChannelId == channelId && w.EntityId == productId) ? ProductSyncState.Pending
                    : sync?.LastError is not null ? ProductSyncState.Failed
                    : !listed ? ProductSyncState.NotListed
                    : sync?.SyncedAt is not null ? ProductSyncState.Synced
                    : ProductSyncState.NotSynced;
                statuses.Add(new ProductChannelStatus(channelId, channel.Name, state, sync?.SyncedAt,
                    sync?.LastError, sync?.ExternalProductId));
            }

            result[productId] = statuses;
        }

        return result;
    }
}
