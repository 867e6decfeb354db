using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>What a push did to the channel's copy of a product.</summary>
public enum CatalogPushAction
{
    /// <summary>The channel already had the product as the hub has it.</summary>
    None,

    /// <summary>The product was created or fully updated with <c>productSet</c>.</summary>
    FullSync,

    /// <summary>Only SKUs and prices changed and went out with <c>productVariantsBulkUpdate</c>.</summary>
    PricesOnly,

    /// <summary>The product is no longer listed and was set to draft in the channel.</summary>
    Unpublished,

    /// <summary>The channel does not list the product and never received it.</summary>
    Skipped,
}

/// <summary>
/// Pushes one product to one Shopify channel. A new product, a changed product field, option, variant list or image
/// list, or a forced push sends the whole product with <c>productSet</c>; a change of SKUs or prices alone sends
/// <c>productVariantsBulkUpdate</c>; translations into the shop's further locales follow with
/// <c>translationsRegister</c> whenever they or the content they translate changed. Throttled calls wait for the
/// cost bucket inside the Admin API client. Only a shop that still throttles after the client's throttle retry limit
/// fails the attempt, and the outbox then retries it.
/// </summary>
public sealed class CatalogPushService(
    HubDbContext db,
    ShopifyChannelClients clients,
    ChannelProductSnapshotBuilder snapshots,
    TimeProvider clock,
    ILogger<CatalogPushService> logger)
{
    /// <summary>
    /// Pushes the product. Throws <see cref="OutboxPermanentFailureException"/> when Shopify rejects the data with
    /// user errors, which no retry fixes, and another exception for failures a retry may fix. Both are recorded on
    /// the product's sync state first.
    /// </summary>
    public async Task<CatalogPushAction> PushAsync(Guid channelId, Guid productId, bool force,
        CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        var settings = await db.Set<ChannelCatalogSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (channel is null || settings is null || !settings.PushEnabled)
        {
            return CatalogPushAction.Skipped;
        }

        var snapshot = await snapshots.BuildAsync(channel, settings, productId, cancellationToken);
        if (snapshot is null)
        {
            return CatalogPushAction.Skipped;
        }

        var sync = await db.Set<ChannelProductSync>()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId && s.ProductId == productId, cancellationToken);
        if (sync is null)
        {
            if (!snapshot.Listed)
            {
                return CatalogPushAction.Skipped;
            }

            sync = new ChannelProductSync { ChannelId = channelId, ProductId = productId };
            db.Add(sync);
        }

        try
        {
            var client = await ClientAsync(channel, cancellationToken);
            var action = await PushSnapshotAsync(client, channel, snapshot, sync, force, cancellationToken);
            sync.SyncedAt = clock.GetUtcNow().UtcDateTime;
            sync.LastError = null;
            sync.FailedAt = null;
            await db.SaveChangesAsync(cancellationToken);
            CatalogPushLog.Pushed(logger, channel.Name, productId, action, sync.ExternalProductId);
            return action;
        }
        catch (Exception exception) when (exception is CatalogPushException or OutboxPermanentFailureException)
        {
            await RecordFailureAsync(sync, exception.Message, cancellationToken);
            CatalogPushLog.PushFailed(logger, channel.Name, productId, exception.Message);
            throw;
        }
    }

    private async Task<ShopifyAdminClient> ClientAsync(SalesChannel channel, CancellationToken cancellationToken)
    {
        var connection = await db.ShopifySyncs.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == channel.Id, cancellationToken);
        if (connection is null)
        {
            throw new OutboxPermanentFailureException(
                $"Channel {channel.Name} has no Admin API connection; set one on the channel sync page.");
        }

        var (client, error) = clients.Create(channel, connection);
        return client ?? throw new OutboxPermanentFailureException(error!);
    }

    private async Task<CatalogPushAction> PushSnapshotAsync(ShopifyAdminClient client, SalesChannel channel,
        ChannelProductSnapshot snapshot, ChannelProductSync sync, bool force, CancellationToken cancellationToken)
    {
        if (!snapshot.Listed)
        {
            return await UnpublishAsync(client, sync, cancellationToken);
        }

        var links = await db.ShopifyVariantLinks
            .Where(l => l.ChannelId == channel.Id && snapshot.Variants.Select(v => v.Variant.Id).Contains(l.VariantId))
            .ToListAsync(cancellationToken);
        var structureHash = snapshot.StructureHash();
        var priceHash = snapshot.PriceHash();
        var allLinked = snapshot.Variants.All(v => links.Exists(l => l.VariantId == v.Variant.Id
            && l.ShopifyVariantId is not null));
        var full = force || sync.ExternalProductId is null || !sync.Listed || sync.StructureHash != structureHash
            || !allLinked;

        CatalogPushAction action;
        if (full)
        {
            await SetProductAsync(client, channel, snapshot, sync, links, cancellationToken);
            action = CatalogPushAction.FullSync;
        }
        else if (sync.PriceHash != priceHash)
        {
            await UpdatePricesAsync(client, snapshot, sync, links, cancellationToken);
            action = CatalogPushAction.PricesOnly;
        }
        else
        {
            action = CatalogPushAction.None;
        }

        sync.Listed = true;
        sync.StructureHash = structureHash;
        sync.PriceHash = priceHash;
        var translationHash = snapshot.TranslationHash();
        if (full || sync.TranslationHash != translationHash)
        {
            await RegisterTranslationsAsync(client, snapshot, sync.ExternalProductId!, cancellationToken);
            sync.TranslationHash = translationHash;
        }

        sync.ChannelContentHash = ChannelContentHash.Compute(snapshot.Title, snapshot.DescriptionHtml, snapshot.Tags,
            snapshot.Variants.Select(v => (
                links.Single(l => l.VariantId == v.Variant.Id).ShopifyVariantId!, v.Price, v.CompareAtPrice)));
        return action;
    }

    /// <summary>
    /// Sets an unlisted product to draft. The product is not deleted, because the shop's copy carries data the hub
    /// does not hold (order history links, reviews, metafields, SEO redirects) and listing it again restores it.
    /// </summary>
    private async Task<CatalogPushAction> UnpublishAsync(ShopifyAdminClient client, ChannelProductSync sync,
        CancellationToken cancellationToken)
    {
        if (sync.ExternalProductId is null || !sync.Listed)
        {
            sync.Listed = false;
            return CatalogPushAction.Skipped;
        }

        var result = await client.SetProductStatusAsync(sync.ExternalProductId, "DRAFT", cancellationToken);
        ThrowOnFailure(result.Error, result.Value, "productUpdate");
        sync.Listed = false;

        // A product listed again is sent in full, because the channel's copy may have changed while it was a draft.
        sync.StructureHash = null;
        return CatalogPushAction.Unpublished;
    }

    private async Task SetProductAsync(ShopifyAdminClient client, SalesChannel channel,
        ChannelProductSnapshot snapshot, ChannelProductSync sync, List<ShopifyVariantLink> links,
        CancellationToken cancellationToken)
    {
        var imageIds = snapshot.Images.Select(i => i.Id).ToList();
        var media = await db.Set<ChannelMediaLink>()
            .Where(m => m.ChannelId == channel.Id && imageIds.Contains(m.ProductImageId))
            .ToListAsync(cancellationToken);
        var files = snapshot.Images.Select(image =>
        {
            // An image the shop holds under the same URL is referenced by id, so Shopify does not download it again.
            var known = media.Find(m => m.ProductImageId == image.Id && m.Src == image.Src);
            return known is null
                ? new ProductFileSpec(null, image.Src, image.AltText)
                : new ProductFileSpec(known.ExternalMediaId, null, image.AltText);
        }).ToList();
        var variants = snapshot.Variants.Select(v => new ProductVariantSpec(
            links.Find(l => l.VariantId == v.Variant.Id)?.ShopifyVariantId,
            v.Variant.Sku,
            v.Variant.Barcode,
            v.OptionValues,
            v.Price,
            v.CompareAtPrice,
            v.Variant.Taxable,
            v.Variant.RequiresShipping)).ToList();
        var request = new ProductSetRequest(sync.ExternalProductId, snapshot.Product.Handle, snapshot.Title,
            snapshot.DescriptionHtml, snapshot.Product.Vendor, snapshot.ProductType, snapshot.Tags,
            snapshot.ShopifyStatus, snapshot.Options, variants, files);

        var result = await client.SetProductAsync(request, cancellationToken);
        ThrowOnFailure(result.Error, result.Value?.UserErrors, "productSet");
        var outcome = result.Value!;
        sync.ExternalProductId = outcome.ProductId ?? throw new CatalogPushException(
            "productSet returned no product id and no user errors.");
        LinkVariants(channel, snapshot, links, outcome);
        LinkMedia(channel, snapshot, media, outcome);
    }

    /// <summary>Links the returned variants to the hub's by SKU, exactly and case-sensitively.</summary>
    private void LinkVariants(SalesChannel channel, ChannelProductSnapshot snapshot, List<ShopifyVariantLink> links,
        ProductSetOutcome outcome)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var variant in snapshot.Variants)
        {
            var sku = variant.Variant.Sku;
            var returned = outcome.Variants.Where(r => sku is not null && string.Equals(r.Sku, sku, StringComparison.Ordinal))
                .ToList();
            var link = links.Find(l => l.VariantId == variant.Variant.Id);
            if (link is null)
            {
                link = new ShopifyVariantLink { ChannelId = channel.Id, VariantId = variant.Variant.Id, Sku = sku ?? string.Empty };
                db.ShopifyVariantLinks.Add(link);
                links.Add(link);
            }

            link.Sku = sku ?? string.Empty;
            link.ResolvedAt = now;
            if (returned.Count != 1)
            {
                link.Error = returned.Count == 0
                    ? $"No variant with SKU '{sku}' came back from productSet; give the variant a unique SKU."
                    : $"SKU '{sku}' is carried by {returned.Count} variants of the Shopify product.";
                throw new CatalogPushException(link.Error);
            }

            link.ShopifyVariantId = returned[0].VariantId;
            link.InventoryItemId = returned[0].InventoryItemId;
            link.Error = null;
        }
    }

    private void LinkMedia(SalesChannel channel, ChannelProductSnapshot snapshot, List<ChannelMediaLink> media,
        ProductSetOutcome outcome)
    {
        // Shopify returns the media in the order of the files sent, so position matches image to media id.
        for (var index = 0; index < snapshot.Images.Count && index < outcome.MediaIds.Count; index++)
        {
            var image = snapshot.Images[index];
            var link = media.Find(m => m.ProductImageId == image.Id);
            if (link is null)
            {
                db.Set<ChannelMediaLink>().Add(new ChannelMediaLink
                {
                    ChannelId = channel.Id,
                    ProductImageId = image.Id,
                    Src = image.Src,
                    ExternalMediaId = outcome.MediaIds[index],
                });
                continue;
            }

            link.Src = image.Src;
            link.ExternalMediaId = outcome.MediaIds[index];
        }
    }

    private static async Task UpdatePricesAsync(ShopifyAdminClient client, ChannelProductSnapshot snapshot,
        ChannelProductSync sync, List<ShopifyVariantLink> links, CancellationToken cancellationToken)
    {
        var updates = snapshot.Variants.Select(v => new VariantPriceUpdate(
            links.Single(l => l.VariantId == v.Variant.Id).ShopifyVariantId!, v.Variant.Sku, v.Price,
            v.CompareAtPrice)).ToList();
        var result = await client.UpdateVariantPricesAsync(sync.ExternalProductId!, updates, cancellationToken);
        ThrowOnFailure(result.Error, result.Value, "productVariantsBulkUpdate");
    }

    private static async Task RegisterTranslationsAsync(ShopifyAdminClient client, ChannelProductSnapshot snapshot,
        string productId, CancellationToken cancellationToken)
    {
        if (snapshot.Translations.Count == 0)
        {
            return;
        }

        // Each translation names the digest of the primary-locale value it translates, read fresh after the push.
        var content = await client.GetTranslatableContentAsync(productId, cancellationToken);
        ThrowOnFailure(content.Error, null, "translatableResource");
        var digests = content.Value!.Where(c => c.Digest is not null)
            .ToDictionary(c => c.Key, c => c.Digest!, StringComparer.Ordinal);
        var translations = snapshot.Translations
            .SelectMany(locale => locale.Value
                .Where(field => digests.ContainsKey(field.Key))
                .Select(field => new TranslationSpec(locale.Key, field.Key, field.Value, digests[field.Key])))
            .ToList();
        if (translations.Count == 0)
        {
            return;
        }

        var result = await client.RegisterTranslationsAsync(productId, translations, cancellationToken);
        ThrowOnFailure(result.Error, result.Value, "translationsRegister");
    }

    private static void ThrowOnFailure(ShopifyAdminError? error, IReadOnlyList<ShopifyUserError>? userErrors,
        string mutation)
    {
        if (error is not null)
        {
            throw new CatalogPushException($"{mutation} failed: {error.Message}");
        }

        if (userErrors is { Count: > 0 })
        {
            var messages = string.Join("; ", userErrors.Select(e =>
                $"{string.Join('.', e.Field ?? [])}: {e.Message}{(e.Code is null ? string.Empty : $" ({e.Code})")}"));
            throw new OutboxPermanentFailureException($"Shopify rejected {mutation}: {messages}");
        }
    }

    private async Task RecordFailureAsync(ChannelProductSync sync, string message, CancellationToken cancellationToken)
    {
        // The tracked links and media of a half-done push are dropped, so only the failure is stored.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != sync).ToList())
        {
            entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
        }

        sync.FailedAt = clock.GetUtcNow().UtcDateTime;
        sync.LastError = message.Length > 4000 ? message[..4000] : message;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A push failure that a later attempt may not repeat, because the shop was unreachable or returned an unexpected response.</summary>
public sealed class CatalogPushException(string message) : Exception(message);
