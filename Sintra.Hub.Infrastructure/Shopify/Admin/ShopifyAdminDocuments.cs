namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// GraphQL documents of the client, written against the Admin API 2026-04 reference. The operation names are
/// part of the contract with the test server, which dispatches on them.
/// </summary>
public static class ShopifyAdminDocuments
{
    public const string GetLocationsOperation = "GetLocations";
    public const string FindVariantsBySkuOperation = "FindVariantsBySku";
    public const string GetInventoryLevelsOperation = "GetInventoryLevels";
    public const string SetOnHandQuantitiesOperation = "SetOnHandQuantities";

    public const string GetLocations = """
        query GetLocations($first: Int!, $after: String) {
          locations(first: $first, after: $after, includeInactive: true) {
            nodes { id name isActive }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public const string FindVariantsBySku = """
        query FindVariantsBySku($first: Int!, $after: String, $query: String!) {
          productVariants(first: $first, after: $after, query: $query) {
            nodes { id sku inventoryItem { id } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public const string GetInventoryLevels = """
        query GetInventoryLevels($ids: [ID!]!, $locationId: ID!) {
          nodes(ids: $ids) {
            ... on InventoryItem {
              id
              inventoryLevel(locationId: $locationId) {
                quantities(names: ["on_hand", "available", "committed"]) { name quantity }
              }
            }
          }
        }
        """;

    // 2026-04 rejects inventorySetQuantities without @idempotent and without changeFromQuantity on each quantity.
    public const string SetOnHandQuantities = """
        mutation SetOnHandQuantities($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
          inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
            inventoryAdjustmentGroup {
              id
              changes { name delta quantityAfterChange item { id } location { id } }
            }
            userErrors { code field message }
          }
        }
        """;
}
