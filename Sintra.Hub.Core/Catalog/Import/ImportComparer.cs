namespace Sintra.Hub.Core.Catalog.Import;

/// <summary>Compares imported values with stored entities and copies them over, field by field.</summary>
internal static class ImportComparer
{
    public static ProductPreview Describe(ProductMatch match)
    {
        var variants = match.Variants
            .Select(v => new VariantPreview(
                v.Imported.Line,
                v.Imported.Sku,
                VariantTitle(v.Imported),
                v.Existing is null ? ImportChange.Create
                    : IsSame(v.Existing, v.Imported, v.Position) ? ImportChange.Unchanged : ImportChange.Update,
                v.Imported.Quantity))
            .ToList();

        var change = match.Existing is null ? ImportChange.Create
            : IsSame(match.Existing, match.Imported) && variants.All(v => v.Change == ImportChange.Unchanged)
                ? ImportChange.Unchanged
                : ImportChange.Update;

        var imported = match.Imported;
        return new ProductPreview(imported.Line, imported.Handle, imported.Title, change, imported.Images.Count, variants);
    }

    public static string VariantTitle(ImportedVariant variant) =>
        string.Join(" / ", new[] { variant.Option1, variant.Option2, variant.Option3 }.Where(v => !string.IsNullOrEmpty(v)));

    public static bool IsSame(Product product, ImportedProduct imported) =>
        product.Title == imported.Title
        && product.DescriptionHtml == imported.DescriptionHtml
        && product.Vendor == imported.Vendor
        && product.ProductType == imported.ProductType
        && product.Tags == imported.Tags
        && product.Status == imported.Status
        && product.Option1Name == imported.Option1Name
        && product.Option2Name == imported.Option2Name
        && product.Option3Name == imported.Option3Name
        && (imported.Images.Count == 0 || SameImages(product.Images, imported.Images));

    public static bool IsSame(ProductVariant variant, ImportedVariant imported, int position) =>
        variant.Sku == imported.Sku
        && variant.Barcode == imported.Barcode
        && variant.Option1 == imported.Option1
        && variant.Option2 == imported.Option2
        && variant.Option3 == imported.Option3
        && variant.Price == imported.Price
        && variant.CompareAtPrice == imported.CompareAtPrice
        && variant.WeightGrams == imported.WeightGrams
        && variant.RequiresShipping == imported.RequiresShipping
        && variant.Taxable == imported.Taxable
        && variant.Position == position;

    public static void CopyTo(ImportedProduct imported, Product product)
    {
        product.Title = imported.Title;
        product.DescriptionHtml = imported.DescriptionHtml;
        product.Vendor = imported.Vendor;
        product.ProductType = imported.ProductType;
        product.Tags = imported.Tags;
        product.Status = imported.Status;
        product.Option1Name = imported.Option1Name;
        product.Option2Name = imported.Option2Name;
        product.Option3Name = imported.Option3Name;
    }

    public static void CopyTo(ImportedVariant imported, int position, ProductVariant variant)
    {
        variant.Sku = imported.Sku;
        variant.Barcode = imported.Barcode;
        variant.Option1 = imported.Option1;
        variant.Option2 = imported.Option2;
        variant.Option3 = imported.Option3;
        variant.Price = imported.Price;
        variant.CompareAtPrice = imported.CompareAtPrice;
        variant.WeightGrams = imported.WeightGrams;
        variant.RequiresShipping = imported.RequiresShipping;
        variant.Taxable = imported.Taxable;
        variant.Position = position;
    }

    public static bool SameImages(IEnumerable<ProductImage> stored, IReadOnlyList<ImportedImage> imported) =>
        stored.OrderBy(i => i.Position).Select(i => (i.Src, i.Position, i.AltText))
            .SequenceEqual(imported.OrderBy(i => i.Position).Select(i => (i.Src, i.Position, i.AltText)));
}
