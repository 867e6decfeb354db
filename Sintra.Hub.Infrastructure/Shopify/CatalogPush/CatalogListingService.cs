using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>A product's listing on one channel with its variants, sync state and any open conflict.</summary>
public sealed record ProductChannelListing(
    Guid ChannelId,
    string ChannelName,
    bool ProductIncluded,
    bool ProductHasOwnRow,
    IReadOnlyList<VariantChannelListing> Variants,
    ProductChannelStatus Status,
    ChannelProductValues? Conflict,
    DateTime? ConflictAt);

public sealed record VariantChannelListing(Guid VariantId, string? Sku, string Title, bool Included);

/// <summary>Values of the catalog settings form of a channel.</summary>
public sealed record CatalogSettingsInput(
    bool PushEnabled,
    ListingDefault DefaultListing,
    string Locale,
    string? TranslationLocales,
    Guid? PriceListId,
    bool PublishOnlyComplete,
    ChannelUpdatePolicy IncomingUpdates);

/// <summary>
/// Edits what channels list and how they receive the catalog, and resolves conflicts with changes made in a channel.
/// Every listing change is saved through the change tracker, so the catalog outbox rows follow in the same save.
/// </summary>
public sealed partial class CatalogListingService(
    HubDbContext db,
    ChannelValuesApplier applier,
    CatalogSyncService sync)
{
    public async Task<ChannelCatalogSettings?> GetSettingsAsync(Guid channelId, CancellationToken cancellationToken) =>
        await db.Set<ChannelCatalogSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);

    /// <summary>Validates and stores the settings; returns an error message naming the bad value, or null.</summary>
    public async Task<string?> SaveSettingsAsync(Guid channelId, CatalogSettingsInput input,
        CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return "The channel no longer exists.";
        }

        var locale = input.Locale.Trim().ToLowerInvariant();
        if (!LocaleTag().IsMatch(locale))
        {
            return $"The shop locale '{input.Locale}' is not a language tag; enter one such as it or en-gb.";
        }

        var further = (input.TranslationLocales ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.ToLowerInvariant()).ToList();
        if (further.Find(l => !LocaleTag().IsMatch(l)) is { } bad)
        {
            return $"The translation locale '{bad}' is not a language tag; list tags such as en,de separated by commas.";
        }

        if (input.PriceListId is { } listId)
        {
            var list = await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(p => p.Id == listId, cancellationToken);
            if (list is null)
            {
                return "The chosen price list no longer exists; choose another one.";
            }

            if (list.Currency != channel.Currency)
            {
                return $"The price list {list.Name} is in {list.Currency} but the channel sells in {channel.Currency}; "
                    + "choose a list in the channel's currency.";
            }
        }

        var settings = await db.Set<ChannelCatalogSettings>()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (settings is null)
        {
            settings = new ChannelCatalogSettings { ChannelId = channelId };
            db.Add(settings);
        }

        settings.PushEnabled = input.PushEnabled;
        settings.DefaultListing = input.DefaultListing;
        settings.Locale = locale;
        settings.TranslationLocales = further.Count == 0 ? null : string.Join(',', further.Distinct());
        settings.PriceListId = input.PriceListId;
        settings.PublishOnlyComplete = input.PublishOnlyComplete;
        settings.IncomingUpdates = input.IncomingUpdates;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Returns the product's listing on every channel that has catalog settings, ordered by channel name.</summary>
    public async Task<List<ProductChannelListing>> GetProductListingsAsync(Guid productId,
        CancellationToken cancellationToken)
    {
        var variants = await db.Variants.AsNoTracking().Where(v => v.ProductId == productId)
            .OrderBy(v => v.Position).ToListAsync(cancellationToken);
        var variantIds = variants.Select(v => v.Id).ToList();
        var allSettings = await db.Set<ChannelCatalogSettings>().AsNoTracking().ToListAsync(cancellationToken);
        var productRows = await db.Set<ProductListing>().AsNoTracking().Where(l => l.ProductId == productId)
            .ToListAsync(cancellationToken);
        var variantRows = await db.Set<VariantListing>().AsNoTracking().Where(l => variantIds.Contains(l.VariantId))
            .ToListAsync(cancellationToken);
        var syncs = await db.Set<ChannelProductSync>().AsNoTracking().Where(s => s.ProductId == productId)
            .ToListAsync(cancellationToken);
        var statuses = (await sync.GetStatusesAsync([productId], cancellationToken))[productId];

        var result = new List<ProductChannelListing>();
        foreach (var status in statuses)
        {
            var settings = allSettings.Single(s => s.ChannelId == status.ChannelId);
            var row = productRows.Find(l => l.ChannelId == status.ChannelId);
            var included = ListingRules.IsProductIncluded(settings, row);
            var variantListings = variants.Select(v => new VariantChannelListing(v.Id, v.Sku, v.Title,
                ListingRules.IsVariantIncluded(true,
                    variantRows.Find(l => l.ChannelId == status.ChannelId && l.VariantId == v.Id)))).ToList();
            var channelSync = syncs.Find(s => s.ChannelId == status.ChannelId);
            var conflict = channelSync?.ConflictValues is { } json
                ? JsonSerializer.Deserialize<ChannelProductValues>(json)
                : null;
            result.Add(new ProductChannelListing(status.ChannelId, status.ChannelName, included, row is not null,
                variantListings, status, conflict, channelSync?.ConflictAt));
        }

        return result;
    }

    public async Task SetProductIncludedAsync(Guid channelId, Guid productId, bool included,
        CancellationToken cancellationToken)
    {
        var row = await db.Set<ProductListing>()
            .SingleOrDefaultAsync(l => l.ChannelId == channelId && l.ProductId == productId, cancellationToken);
        if (row is null)
        {
            db.Add(new ProductListing { ChannelId = channelId, ProductId = productId, Included = included });
        }
        else
        {
            row.Included = included;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetVariantIncludedAsync(Guid channelId, Guid variantId, bool included,
        CancellationToken cancellationToken)
    {
        var row = await db.Set<VariantListing>()
            .SingleOrDefaultAsync(l => l.ChannelId == channelId && l.VariantId == variantId, cancellationToken);
        if (row is null)
        {
            db.Add(new VariantListing { ChannelId = channelId, VariantId = variantId, Included = included });
        }
        else
        {
            row.Included = included;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Resolves an open conflict. Keeping the hub's data queues a full push that overwrites the channel's change.
    /// Taking the channel's data applies it to the hub and records a version from the channel.
    /// Returns false when the product has no open conflict on the channel.
    /// </summary>
    public async Task<bool> ResolveConflictAsync(Guid channelId, Guid productId, bool takeChannel,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var channelSync = await db.Set<ChannelProductSync>()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId && s.ProductId == productId, cancellationToken);
        if (channelSync?.ConflictValues is not { } json)
        {
            return false;
        }

        var values = JsonSerializer.Deserialize<ChannelProductValues>(json)!;
        var reference = channelSync.ConflictWebhookId;
        channelSync.ConflictValues = null;
        channelSync.ConflictAt = null;
        channelSync.ConflictWebhookId = null;
        if (takeChannel)
        {
            var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);
            var settings = await db.Set<ChannelCatalogSettings>().AsNoTracking()
                .SingleAsync(s => s.ChannelId == channelId, cancellationToken);
            await applier.ApplyAsync(channel, settings, productId, values, reference, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
            await sync.RequestSyncAsync(channelId, [productId], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    private static partial Regex LocaleTag();
}
