namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    /// <summary>Shopify's maximum page size and maximum length of an input array.</summary>
    public const int MaxPageSize = 250;

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
