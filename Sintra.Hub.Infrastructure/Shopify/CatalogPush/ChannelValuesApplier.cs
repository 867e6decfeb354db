using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>
/// Applies a channel's title, description, tags and prices to the hub's product and records the result as a product
/// version from the channel. Runs inside the caller's transaction.
/// </summary>
public sealed class ChannelValuesApplier(
    HubDbContext db,
    IEnumerable<IProductVersioning> versioning,
    TimeProvider clock)
{
    /// <summary>
    /// Writes the values and captures a version. The title and description go to the product's own columns when
    /// the channel's locale is the catalog locale, and to the translations into the channel's locale otherwise.
    /// Prices go to the channel's price list when it has one, and to the variants' own prices otherwise.
    /// Returns the new version number, or null when nothing changed.
    /// </summary>
    public async Task<int?> ApplyAsync(SalesChannel channel, ChannelCatalogSettings settings, Guid productId,
        ChannelProductValues values, string? reference, CancellationToken cancellationToken)
    {
        // NOTE: the product history module registers the versioning service. Without it a channel change cannot be
        // recorded as a version, so this throws, the caller's transaction rolls back and the message is retried.
        var versions = versioning.FirstOrDefault() ?? throw new InvalidOperationException(
            "No product versioning service is registered, so channel changes cannot be recorded as versions.");
        var product = await db.Products.Include(p => p.Variants)
            .SingleAsync(p => p.Id == productId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (settings.Locale == ChannelCatalogSettings.CatalogLocale)
        {
            product.Title = values.Title;
            product.DescriptionHtml = values.DescriptionHtml;
        }
        else
        {
            await SetTranslationAsync(productId, settings.Locale, TranslatedFields.Title, values.Title, now,
                cancellationToken);
            await SetTranslationAsync(productId, settings.Locale, TranslatedFields.DescriptionHtml,
                values.DescriptionHtml ?? string.Empty, now, cancellationToken);
        }

        product.Tags = values.Tags;
        await ApplyPricesAsync(channel, settings, product.Variants, values.Prices, now, cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            product.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await versions.CaptureAsync(productId,
            new VersionSource(VersionSourceKinds.Channel, channel.Name, reference), cancellationToken);
    }

    private async Task ApplyPricesAsync(SalesChannel channel, ChannelCatalogSettings settings,
        List<Core.Catalog.ProductVariant> variants, IReadOnlyList<ChannelVariantPrice> prices, DateTime now,
        CancellationToken cancellationToken)
    {
        var list = settings.PriceListId is { } listId
            ? await db.PriceLists.Include(p => p.Entries).SingleOrDefaultAsync(p => p.Id == listId, cancellationToken)
            : await db.PriceLists.Include(p => p.Entries)
                .Where(p => p.ChannelId == channel.Id && p.Currency == channel.Currency)
                .OrderBy(p => p.Name)
                .FirstOrDefaultAsync(cancellationToken);
        foreach (var price in prices)
        {
            var variant = variants.Find(v => v.Id == price.VariantId);
            if (variant is null)
            {
                continue;
            }

            if (list is null)
            {
                variant.Price = price.Price;
                variant.CompareAtPrice = price.CompareAtPrice;
                continue;
            }

            var entry = list.Entries.Find(e => e.VariantId == variant.Id);
            if (entry is null)
            {
                // The channel showed the variant's own price; a different one becomes an entry of the channel's list.
                if (price.Price == variant.Price && price.CompareAtPrice == variant.CompareAtPrice)
                {
                    continue;
                }

                list.Entries.Add(new PriceListEntry { VariantId = variant.Id, Price = price.Price, CompareAtPrice = price.CompareAtPrice });
                list.UpdatedAt = now;
                continue;
            }

            if (entry.Price != price.Price || entry.CompareAtPrice != price.CompareAtPrice)
            {
                entry.Price = price.Price;
                entry.CompareAtPrice = price.CompareAtPrice;
                list.UpdatedAt = now;
            }
        }
    }

    private async Task SetTranslationAsync(Guid productId, string locale, string field, string value, DateTime now,
        CancellationToken cancellationToken)
    {
        var row = await db.CatalogTranslations.SingleOrDefaultAsync(t => t.EntityKind == TranslatedEntity.Product
            && t.EntityId == productId && t.Locale == locale && t.Field == field, cancellationToken);
        if (row is null)
        {
            db.CatalogTranslations.Add(new CatalogTranslation
            {
                EntityKind = TranslatedEntity.Product,
                EntityId = productId,
                Locale = locale,
                Field = field,
                Value = value,
                UpdatedAt = now,
            });
            return;
        }

        if (row.Value != value)
        {
            row.Value = value;
            row.UpdatedAt = now;
        }
    }
}
