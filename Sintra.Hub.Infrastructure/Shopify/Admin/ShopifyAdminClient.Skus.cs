using System.Text;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    /// <summary>
    /// SKUs per search query, which keeps the query string short and the matches of a batch on few pages.
    /// </summary>
    public const int SkuBatchSize = 50;

    /// <summary>
    /// Finds the variant and inventory item of each SKU. Shopify's search matches loosely, so results are
    /// filtered to SKUs equal to a requested one with an ordinal, case-sensitive comparison.
    /// </summary>
    public async Task<ShopifyResult<SkuLookupResult>> FindInventoryItemsBySkuAsync(IEnumerable<string> skus,
        CancellationToken cancellationToken = default)
    {
        var requested = skus.Where(sku => !string.IsNullOrWhiteSpace(sku)).Distinct(StringComparer.Ordinal).ToList();
        var matches = new Dictionary<string, List<ShopifyVariantRef>>(StringComparer.Ordinal);
        foreach (var batch in requested.Chunk(SkuBatchSize))
        {
            var wanted = batch.ToHashSet(StringComparer.Ordinal);
            var found = await SearchVariantsAsync(SkuSearchQuery(batch), cancellationToken);
            if (found.Error is not null)
            {
                return ShopifyResult<SkuLookupResult>.Failure(found.Error);
            }

            foreach (var variant in found.Value!.Where(variant => wanted.Contains(variant.Sku)))
            {
                if (!matches.TryGetValue(variant.Sku, out var list))
                {
                    matches[variant.Sku] = list = [];
                }

                if (list.TrueForAll(existing => existing.VariantId != variant.VariantId))
                {
                    list.Add(variant);
                }
            }
        }

        var result = new SkuLookupResult(
            matches.Where(pair => pair.Value.Count == 1).ToDictionary(pair => pair.Key, pair => pair.Value[0],
                StringComparer.Ordinal),
            requested.Where(sku => !matches.ContainsKey(sku)).ToList(),
            matches.Where(pair => pair.Value.Count > 1).Select(pair => pair.Key).ToList());
        return ShopifyResult<SkuLookupResult>.Success(result);
    }

    private async Task<ShopifyResult<List<ShopifyVariantRef>>> SearchVariantsAsync(string query,
        CancellationToken cancellationToken)
    {
        var variants = new List<ShopifyVariantRef>();
        string? cursor = null;
        do
        {
            var variables = new Dictionary<string, object?>
            {
                ["first"] = MaxPageSize,
                ["after"] = cursor,
                ["query"] = query,
            };
            var request = new GraphQlRequest(ShopifyAdminDocuments.FindVariantsBySku, variables,
                ShopifyAdminDocuments.FindVariantsBySkuOperation);
            var page = await QueryAsync<VariantsData>(request, 2 + (2 * MaxPageSize), cancellationToken);
            if (page.Error is not null)
            {
                return ShopifyResult<List<ShopifyVariantRef>>.Failure(page.Error);
            }

            var connection = page.Value!.ProductVariants;
            variants.AddRange(connection.Nodes
                .Where(node => node.Sku is not null && node.InventoryItem is not null)
                .Select(node => new ShopifyVariantRef(node.Sku!, node.Id, node.InventoryItem!.Id)));
            cursor = connection.PageInfo.HasNextPage ? connection.PageInfo.EndCursor : null;
        }
        while (cursor is not null);

        return ShopifyResult<List<ShopifyVariantRef>>.Success(variants);
    }

    /// <summary>Builds <c>sku:"A" OR sku:"B"</c>, escaping backslashes and double quotes inside the values.</summary>
    internal static string SkuSearchQuery(IEnumerable<string> skus)
    {
        var builder = new StringBuilder();
        foreach (var sku in skus)
        {
            if (builder.Length > 0)
            {
                builder.Append(" OR ");
            }

            builder.Append("sku:\"").Append(sku.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        }

        return builder.ToString();
    }
}
