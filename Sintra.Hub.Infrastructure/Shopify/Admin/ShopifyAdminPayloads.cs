namespace Sintra.Hub.Infrastructure.Shopify.Admin;

// Shapes of the `data` objects returned for the documents in ShopifyAdminDocuments.

internal sealed record PageInfo(bool HasNextPage, string? EndCursor);

internal sealed record Connection<T>(IReadOnlyList<T> Nodes, PageInfo PageInfo);

internal sealed record IdRef(string Id);

internal sealed record LocationsData(Connection<LocationNode> Locations);

internal sealed record LocationNode(string Id, string Name, bool IsActive);

internal sealed record VariantsData(Connection<VariantNode> ProductVariants);

internal sealed record VariantNode(string Id, string? Sku, IdRef? InventoryItem);

internal sealed record InventoryNodesData(IReadOnlyList<InventoryItemNode?> Nodes);

internal sealed record InventoryItemNode(string? Id, InventoryLevelNode? InventoryLevel);

internal sealed record InventoryLevelNode(IReadOnlyList<QuantityNode> Quantities);

internal sealed record QuantityNode(string Name, int Quantity);

internal sealed record SetQuantitiesData(SetQuantitiesPayload? InventorySetQuantities);

internal sealed record SetQuantitiesPayload(AdjustmentGroupNode? InventoryAdjustmentGroup,
    IReadOnlyList<ShopifyUserError> UserErrors);

internal sealed record AdjustmentGroupNode(string Id, IReadOnlyList<ChangeNode> Changes);

internal sealed record ChangeNode(string Name, int Delta, int? QuantityAfterChange, IdRef Item, IdRef Location);

internal sealed record ProductSetData(ProductSetPayload? ProductSet);

internal sealed record ProductSetPayload(ProductSetProductNode? Product, IReadOnlyList<ShopifyUserError>? UserErrors);

internal sealed record ProductSetProductNode(string Id, Connection<VariantNode>? Variants, Connection<IdRef>? Media);

internal sealed record VariantsBulkUpdateData(MutationErrorsPayload? ProductVariantsBulkUpdate);

internal sealed record MutationErrorsPayload(IReadOnlyList<ShopifyUserError>? UserErrors);

internal sealed record TranslatableResourceData(TranslatableResourceNode? TranslatableResource);

internal sealed record TranslatableResourceNode(string ResourceId, IReadOnlyList<TranslatableContentNode> TranslatableContent);

internal sealed record TranslatableContentNode(string Key, string? Value, string? Digest, string Locale);

internal sealed record TranslationsRegisterData(MutationErrorsPayload? TranslationsRegister);

internal sealed record ProductUpdateData(MutationErrorsPayload? ProductUpdate);
