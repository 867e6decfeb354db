using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>Builds a <see cref="ChannelProductSnapshot"/> from the catalog, the listings and the channel settings.</summary>
public sealed class ChannelProductSnapshotBuilder(HubDbContext db, IEnumerable<ICatalogCompleteness> completeness)
{
    /// <summary>Option name and value Shopify gives a product that has no options of its own.</summary>
    private const string DefaultOptionName = "Title";
    private const string DefaultOptionValue = "Default Title";

    /// <summary>Returns the snapshot, or null when the product does not exist.</summary>
    public async Task<ChannelProductSnapshot?> BuildAsync(SalesChannel channel, ChannelCatalogSettings settings,
        Guid productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Include(p => p.Variants)
            .Include(p => p.Images)
            .SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var listing = await db.Set<ProductListing>().AsNoTracking()
            .SingleOrDefaultAsync(l => l.ChannelId == channel.Id && l.ProductId == productId, cancellationToken);
        var productIncluded = ListingRules.IsProductIncluded(settings, listing);
        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var variantListings = await db.Set<VariantListing>().AsNoTracking()
            .Where(l => l.ChannelId == channel.Id && variantIds.Contains(l.VariantId))
            .ToDictionaryAsync(l => l.VariantId, cancellationToken);
        var included = product.Variants
            .Where(v => ListingRules.IsVariantIncluded(productIncluded, variantListings.GetValueOrDefault(v.Id)))
            .OrderBy(v => v.Position)
            .ToList();

        var translations = await LoadTranslationsAsync(product, settings, cancellationToken);
        var shopFields = settings.Locale == ChannelCatalogSettings.CatalogLocale
            ? new Dictionary<string, string>()
            : translations.GetValueOrDefault(settings.Locale) ?? new Dictionary<string, string>();
        var prices = await LoadPricesAsync(channel, settings, variantIds, cancellationToken);
        var optionNames = OptionNames(product);
        var variants = included.Select(v =>
        {
            var entry = prices.GetValueOrDefault(v.Id);
            return new SnapshotVariant(v, OptionValues(optionNames, v), entry?.Price ?? v.Price,
                entry is null ? v.CompareAtPrice : entry.CompareAtPrice);
        }).ToList();

        var notListed = await NotListedReasonAsync(channel, settings, product, productIncluded, variants,
            cancellationToken);
        var furtherLocales = settings.TranslationLocaleList()
            .Where(translations.ContainsKey)
            .ToDictionary(locale => locale, locale => (IReadOnlyDictionary<string, string>)translations[locale]);
        return new ChannelProductSnapshot(
            product,
            notListed is null,
            notListed,
            shopFields.GetValueOrDefault(TranslatedFields.Title) ?? product.Title,
            shopFields.GetValueOrDefault(TranslatedFields.DescriptionHtml) ?? product.DescriptionHtml,
            shopFields.GetValueOrDefault(TranslatedFields.ProductType) ?? product.ProductType,
            ChannelContentHash.SplitTags(product.Tags),
            Options(optionNames, variants),
            variants,
            product.Images.OrderBy(i => i.Position).ToList(),
            furtherLocales);
    }

    private async Task<string?> NotListedReasonAsync(SalesChannel channel, ChannelCatalogSettings settings,
        Product product, bool productIncluded, List<SnapshotVariant> variants, CancellationToken cancellationToken)
    {
        if (!productIncluded)
        {
            return "excluded from the channel";
        }

        if (variants.Count == 0)
        {
            return "every variant is excluded from the channel";
        }

        if (!settings.PublishOnlyComplete)
        {
            return null;
        }

        // NOTE: the attribute module registers the completeness check. Without it the setting cannot be met, so the
        // push fails with this message instead of publishing products of unknown completeness.
        var checker = completeness.FirstOrDefault() ?? throw new InvalidOperationException(
            $"Channel {channel.Name} publishes only complete products, but no completeness check is registered.");
        return await checker.IsCompleteAsync(product.Id, channel.Id, cancellationToken)
            ? null
            : "incomplete for the channel";
    }

    /// <summary>Loads translations of the product fields, keyed by locale and then by field.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> LoadTranslationsAsync(Product product,
        ChannelCatalogSettings settings, CancellationToken cancellationToken)
    {
        var locales = settings.TranslationLocaleList().Append(settings.Locale).ToList();
        var rows = await db.CatalogTranslations.AsNoTracking()
            .Where(t => t.EntityKind == TranslatedEntity.Product && t.EntityId == product.Id
                && locales.Contains(t.Locale))
            .ToListAsync(cancellationToken);
        return rows.Where(t => t.Value.Length > 0)
            .GroupBy(t => t.Locale)
            .ToDictionary(g => g.Key, g => g.ToDictionary(t => t.Field, t => t.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    private async Task<Dictionary<Guid, PriceListEntry>> LoadPricesAsync(SalesChannel channel,
        ChannelCatalogSettings settings, List<Guid> variantIds, CancellationToken cancellationToken)
    {
        var listId = settings.PriceListId ?? await db.PriceLists.AsNoTracking()
            .Where(p => p.ChannelId == channel.Id && p.Currency == channel.Currency)
            .OrderBy(p => p.Name)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (listId is null)
        {
            return [];
        }

        return await db.PriceListEntries.AsNoTracking()
            .Where(e => e.PriceListId == listId && variantIds.Contains(e.VariantId))
            .ToDictionaryAsync(e => e.VariantId, cancellationToken);
    }

    private static List<string> OptionNames(Product product)
    {
        var names = new[] { product.Option1Name, product.Option2Name, product.Option3Name }
            .TakeWhile(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name!)
            .ToList();
        return names.Count == 0 ? [DefaultOptionName] : names;
    }

    private static List<VariantOptionValue> OptionValues(List<string> optionNames, ProductVariant variant)
    {
        var values = new[] { variant.Option1, variant.Option2, variant.Option3 };
        return optionNames.Select((name, index) => new VariantOptionValue(name,
            string.IsNullOrWhiteSpace(values[index]) ? DefaultOptionValue : values[index]!)).ToList();
    }

    private static List<ProductOptionSpec> Options(List<string> optionNames, List<SnapshotVariant> variants) =>
        optionNames.Select((name, index) => new ProductOptionSpec(name,
            variants.Select(v => v.OptionValues[index].Name).Distinct(StringComparer.Ordinal).ToList())).ToList();
}
