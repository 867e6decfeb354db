using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.CatalogSync;

/// <summary>
/// Adds a <see cref="CatalogSyncTopics.CatalogChanged"/> outbox row per changed product and channel to the same
/// <c>SaveChanges</c> as the change, so the row commits or rolls back with it. A product counts as changed when the
/// product, a variant, an image, a translation, a price list entry or a listing row of it is added, modified or
/// deleted. Only channels with catalog push enabled that list the product, or hold it from an earlier push, get a
/// row, and a (channel, product) pair that already has an unclaimed row gets no second one.
/// NOTE: bulk statements (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) bypass change tracking and write no row.
/// </summary>
public sealed class CatalogChangeInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is HubDbContext db)
        {
            AddRowsAsync(db, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is HubDbContext db)
        {
            await AddRowsAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task AddRowsAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var productIds = await ChangedProductIdsAsync(db, changed, cancellationToken).ConfigureAwait(false);
        if (productIds.Count == 0)
        {
            return;
        }

        var channels = await db.Set<ChannelCatalogSettings>().AsNoTracking().Where(s => s.PushEnabled)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (channels.Count == 0)
        {
            return;
        }

        var ids = productIds.ToList();
        var listings = await db.Set<ProductListing>().AsNoTracking().Where(l => ids.Contains(l.ProductId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pushed = await db.Set<ChannelProductSync>().AsNoTracking()
            .Where(s => ids.Contains(s.ProductId) && s.ExternalProductId != null)
            .Select(s => new { s.ChannelId, s.ProductId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == CatalogSyncTopics.CatalogChanged && m.Status == OutboxStatus.Pending
                && m.EntityId != null && ids.Contains(m.EntityId.Value))
            .Select(m => new { m.ChannelId, m.EntityId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var skip = waiting.Select(w => (w.ChannelId, w.EntityId)).ToHashSet();
        foreach (var added in changed.Select(e => e.Entity).OfType<OutboxMessage>()
                     .Where(m => m.Topic == CatalogSyncTopics.CatalogChanged))
        {
            skip.Add((added.ChannelId, added.EntityId));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var channel in channels)
        {
            foreach (var productId in ids)
            {
                var listing = listings.FirstOrDefault(l => l.ChannelId == channel.ChannelId && l.ProductId == productId);
                var relevant = ListingRules.IsProductIncluded(channel, listing)
                    || pushed.Exists(p => p.ChannelId == channel.ChannelId && p.ProductId == productId);
                if (!relevant || !skip.Add((channel.ChannelId, productId)))
                {
                    continue;
                }

                db.OutboxMessages.Add(new OutboxMessage
                {
                    Topic = CatalogSyncTopics.CatalogChanged,
                    ChannelId = channel.ChannelId,
                    EntityId = productId,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
    }

    private static async Task<HashSet<Guid>> ChangedProductIdsAsync(HubDbContext db, List<EntityEntry> changed,
        CancellationToken cancellationToken)
    {
        var productIds = new HashSet<Guid>();
        var variantIds = new HashSet<Guid>();
        var imageIds = new HashSet<Guid>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                // A deleted product takes its channel state with it, so there is nothing left to push.
                case Product product when entry.State != EntityState.Deleted:
                    productIds.Add(product.Id);
                    break;
                case ProductVariant variant:
                    productIds.Add(variant.ProductId);
                    break;
                case ProductImage image:
                    productIds.Add(image.ProductId);
                    break;
                case ProductListing listing:
                    productIds.Add(listing.ProductId);
                    break;
                case VariantListing listing:
                    variantIds.Add(listing.VariantId);
                    break;
                case PriceListEntry priceEntry:
                    variantIds.Add(priceEntry.VariantId);
                    break;
                case CatalogTranslation { EntityKind: TranslatedEntity.Product } translation:
                    productIds.Add(translation.EntityId);
                    break;
                case CatalogTranslation { EntityKind: TranslatedEntity.Variant } translation:
                    variantIds.Add(translation.EntityId);
                    break;
                case CatalogTranslation { EntityKind: TranslatedEntity.ProductImage } translation:
                    imageIds.Add(translation.EntityId);
                    break;
            }
        }

        if (variantIds.Count > 0)
        {
            var variantList = variantIds.ToList();
            productIds.UnionWith(db.ChangeTracker.Entries<ProductVariant>()
                .Where(e => variantIds.Contains(e.Entity.Id)).Select(e => e.Entity.ProductId));
            productIds.UnionWith(await db.Variants.AsNoTracking().Where(v => variantList.Contains(v.Id))
                .Select(v => v.ProductId).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        if (imageIds.Count > 0)
        {
            var imageList = imageIds.ToList();
            productIds.UnionWith(await db.ProductImages.AsNoTracking().Where(i => imageList.Contains(i.Id))
                .Select(i => i.ProductId).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        productIds.Remove(Guid.Empty);
        return productIds;
    }
}
