using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Finds and stores the Shopify inventory item of each hub variant by its SKU.</summary>
public sealed class VariantLinkResolver(HubDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Returns the link of each variant, looking up by SKU the variants with no link or with a failed one. A lookup
    /// that fails as a whole returns its error and stores nothing.
    /// </summary>
    public async Task<ShopifyResult<Dictionary<Guid, ShopifyVariantLink>>> ResolveAsync(
        ShopifyAdminClient client,
        Guid channelId,
        IReadOnlyCollection<Guid> variantIds,
        CancellationToken cancellationToken)
    {
        var links = await db.ShopifyVariantLinks
            .Where(l => l.ChannelId == channelId && variantIds.Contains(l.VariantId))
            .ToDictionaryAsync(l => l.VariantId, cancellationToken);
        var unresolved = variantIds.Where(id => !links.TryGetValue(id, out var link) || link.InventoryItemId is null)
            .ToList();
        if (unresolved.Count == 0)
        {
            return ShopifyResult<Dictionary<Guid, ShopifyVariantLink>>.Success(links);
        }

        var skus = await db.Variants.AsNoTracking()
            .Where(v => unresolved.Contains(v.Id))
            .Select(v => new { v.Id, v.Sku })
            .ToDictionaryAsync(v => v.Id, v => v.Sku, cancellationToken);
        var lookup = await client.FindInventoryItemsBySkuAsync(
            skus.Values.OfType<string>(), cancellationToken);
        if (lookup.Error is not null)
        {
            return ShopifyResult<Dictionary<Guid, ShopifyVariantLink>>.Failure(lookup.Error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var variantId in unresolved)
        {
            var sku = skus.GetValueOrDefault(variantId);
            if (!links.TryGetValue(variantId, out var link))
            {
                link = new ShopifyVariantLink { ChannelId = channelId, VariantId = variantId, Sku = sku ?? string.Empty };
                db.ShopifyVariantLinks.Add(link);
                links[variantId] = link;
            }

            link.Sku = sku ?? string.Empty;
            link.ResolvedAt = now;
            (link.InventoryItemId, link.Error) = Match(sku, lookup.Value!, client.Shop.ShopDomain);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ShopifyResult<Dictionary<Guid, ShopifyVariantLink>>.Success(links);
    }

    private static (string? InventoryItemId, string? Error) Match(string? sku, SkuLookupResult lookup, string shop)
    {
        if (string.IsNullOrWhiteSpace(sku))
        {
            return (null, "The variant has no SKU, so it cannot be matched to a Shopify inventory item.");
        }

        if (lookup.Found.TryGetValue(sku, out var found))
        {
            return (found.InventoryItemId, null);
        }

        return lookup.Ambiguous.Contains(sku)
            ? (null, $"SKU {sku} is carried by more than one variant in {shop}; give each variant its own SKU.")
            : (null, $"SKU {sku} was not found in {shop}; add it to the Shopify product or fix the SKU.");
    }
}
