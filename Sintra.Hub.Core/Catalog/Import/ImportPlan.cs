using Sintra.Hub.Core.Inventory;

namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>The tracked entities an apply writes, matched to the file's products and variants.</summary>
internal sealed record ImportPlan(
    ImportPreview Preview,
    IReadOnlyList<ProductMatch> Products,
    Warehouse? Warehouse);

internal sealed record ProductMatch(ImportedProduct Imported, Product? Existing, IReadOnlyList<VariantMatch> Variants);

internal sealed record VariantMatch(ImportedVariant Imported, ProductVariant? Existing, int Position);
