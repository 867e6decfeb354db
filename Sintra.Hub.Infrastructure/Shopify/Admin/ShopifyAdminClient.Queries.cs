using System.Text;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    /// <summary>Shopify's maximum page size and maximum length of an input array.</summary>
    public const int MaxPageSize = 250;

    /// <summary>SKUs per search query; keeps the query string short, and a batch's matches within a few pages.</summary>
    public const int SkuBatchSize = 50;

    /// <summary>Reads all locations, active and inactive, page by page.</summary>
    public async Task<ShopifyResult<IReadOnlyList<ShopifyLocation>>> GetLocationsAsync(
        CancellationToken cancellationToken = default)
    {
        var locations = new List<ShopifyLocation>();
        string? cursor = null;
        do
        {
            var variables = new Dictionary<string, object?> { ["first"] = MaxPageSize, ["after"] = cursor };
            var request = new GraphQlRequest(ShopifyAdminDocuments.GetLocations, variables,
                ShopifyAdminDocuments.GetLocationsOperation);
            var page = await QueryAsync<LocationsData>(request, 2 + MaxPageSize, cancellationToken);
            if (page.Error is not null)
            {
                return ShopifyResult<IReadOnlyList<ShopifyLocation>>.Failure(page.Error);
            }

            var connection = page.Value!.Locations;
            locations.AddRange(connection.Nodes.Select(node => new ShopifyLocation(node.Id, node.Name, node.IsActive)));
            cursor = connection.PageInfo.HasNextPage ? connection.PageInfo.EndCursor : null;
        }
        while (cursor is not null);

        return ShopifyResult<IReadOnlyList<ShopifyLocation>>.Success(locations);
    }

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

    /// <summary>
    /// Reads on hand, available and committed of inventory items at one location, 250 items per request.
    /// Items that are not stocked at the location, or that do not exist, are left out of the result.
    /// </summary>
    public async Task<ShopifyResult<IReadOnlyList<ShopifyInventoryLevel>>> GetInventoryLevelsAsync(
        IEnumerable<string> inventoryItemIds, string locationId, CancellationToken cancellationToken = default)
    {
        var levels = new List<ShopifyInventoryLevel>();
        foreach (var batch in inventoryItemIds.Distinct(StringComparer.Ordinal).Chunk(MaxPageSize))
        {
            var variables = new Dictionary<string, object?> { ["ids"] = batch, ["locationId"] = locationId };
            var request = new GraphQlRequest(ShopifyAdminDocuments.GetInventoryLevels, variables,
                ShopifyAdminDocuments.GetInventoryLevelsOperation);
            var page = await QueryAsync<InventoryNodesData>(request, 2 * batch.Length, cancellationToken);
            if (page.Error is not null)
            {
                return ShopifyResult<IReadOnlyList<ShopifyInventoryLevel>>.Failure(page.Error);
            }

            foreach (var node in page.Value!.Nodes)
            {
                if (node is { Id: { } id, InventoryLevel: { } level })
                {
                    levels.Add(new ShopifyInventoryLevel(id, locationId, Quantity(level, "on_hand"),
                        Quantity(level, "available"), Quantity(level, "committed")));
                }
            }
        }

        return ShopifyResult<IReadOnlyList<ShopifyInventoryLevel>>.Success(levels);
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

    private async Task<ShopifyResult<T>> QueryAsync<T>(GraphQlRequest request, double fallbackEstimate,
        CancellationToken cancellationToken)
        where T : class
    {
        var response = await SendAsync(request, fallbackEstimate, retrySafe: true, cancellationToken);
        return ReadData<T>(request.OperationName, response);
    }

    private static ShopifyResult<T> ReadData<T>(string operation, ShopifyResult<GraphQlResponse> response)
        where T : class
    {
        if (response.Error is not null)
        {
            return ShopifyResult<T>.Failure(response.Error);
        }

        var data = response.Value!.DataAs<T>();
        return data is null
            ? ShopifyResult<T>.Failure(new ShopifyAdminError(ShopifyAdminErrorKind.InvalidResponse,
                $"the response to {operation} has no data"))
            : ShopifyResult<T>.Success(data);
    }

    private static int Quantity(InventoryLevelNode level, string name) =>
        level.Quantities.FirstOrDefault(quantity => quantity.Name == name)?.Quantity ?? 0;
}
