using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Import;

namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>
/// Groups the rows of a Shopify product CSV into products. The first row of a handle carries the product
/// columns. Every row may add a variant (when it has a SKU, an option value or a price) and an image.
/// </summary>
internal sealed class ShopifyCatalogBuilder(ShopifyCsvLayout layout)
{
    private readonly List<ProductDraft> products = [];
    private readonly Dictionary<string, ProductDraft> byHandle = new(StringComparer.Ordinal);
    private readonly List<ImportRowError> errors = [];
    private readonly ShopifyCellParser cells = new(layout);
    private int skippedRows;

    public void AddRow(int line, string[] record)
    {
        var handle = layout.Get(record, ShopifyColumn.Handle);
        var hasVariant = HasVariantData(record);
        var hasImage = layout.Get(record, ShopifyColumn.ImageSrc) is not null;
        var hasTitle = layout.Get(record, ShopifyColumn.Title) is not null;

        if (handle is null)
        {
            if (hasVariant || hasImage || hasTitle)
            {
                AddError(line, ShopifyColumn.Handle, null,
                    $"{layout.Name(ShopifyColumn.Handle)} is missing. Fill in the handle of the product this row belongs to.");
            }
            else
            {
                skippedRows++;
            }

            return;
        }

        if (!byHandle.TryGetValue(handle, out var product))
        {
            product = StartProduct(line, handle, record);
            if (product is null)
            {
                return;
            }
        }
        else if (!hasVariant && !hasImage)
        {
            skippedRows++;
            return;
        }

        if (hasVariant && cells.ParseVariant(line, record, errors) is { } variant)
        {
            product.Variants.Add(variant);
        }

        if (hasImage && cells.ParseImage(line, record, product.Images.Count + 1, errors) is { } image)
        {
            product.Images.Add(image);
        }
    }

    public ImportedCatalog Build() =>
        new(products.Select(p => p.ToImported()).ToList(), errors, skippedRows, layout.Has(ShopifyColumn.InventoryQuantity))
        {
            SkuColumn = layout.Name(ShopifyColumn.Sku),
        };

    private ProductDraft? StartProduct(int line, string handle, string[] record)
    {
        var title = layout.Get(record, ShopifyColumn.Title);
        if (title is null)
        {
            AddError(line, ShopifyColumn.Title, null,
                $"{layout.Name(ShopifyColumn.Title)} is missing on the first row of '{handle}'. Enter the product title.");
            return null;
        }

        if (handle.Length > 255 || handle.Any(char.IsWhiteSpace))
        {
            AddError(line, ShopifyColumn.Handle, handle,
                "The handle is invalid. Use at most 255 letters, digits and dashes, without spaces.");
            return null;
        }

        var status = cells.ParseStatus(line, record, errors);

        // The limits are the column sizes of Products, so that a long cell is a row error instead of a failed apply.
        var errorCount = errors.Count;
        cells.Text(line, record, ShopifyColumn.Title, 255, errors);
        var product = new ProductDraft(
            line,
            handle,
            title,
            layout.GetRaw(record, ShopifyColumn.Description),
            cells.Text(line, record, ShopifyColumn.Vendor, 255, errors),
            cells.Text(line, record, ShopifyColumn.ProductType, 255, errors),
            cells.Text(line, record, ShopifyColumn.Tags, 2000, errors),
            status ?? ProductStatus.Active,
            cells.Text(line, record, ShopifyColumn.Option1Name, 255, errors),
            cells.Text(line, record, ShopifyColumn.Option2Name, 255, errors),
            cells.Text(line, record, ShopifyColumn.Option3Name, 255, errors));
        if (errors.Count > errorCount)
        {
            return null;
        }

        products.Add(product);
        byHandle.Add(handle, product);
        return product;
    }

    private bool HasVariantData(string[] record) =>
        layout.Get(record, ShopifyColumn.Sku) is not null
        || layout.Get(record, ShopifyColumn.Option1Value) is not null
        || layout.Get(record, ShopifyColumn.Option2Value) is not null
        || layout.Get(record, ShopifyColumn.Option3Value) is not null
        || layout.Get(record, ShopifyColumn.Price) is not null;

    private void AddError(int line, ShopifyColumn column, string? value, string message) =>
        errors.Add(new ImportRowError(line, layout.Name(column), value, message));

    private sealed record ProductDraft(
        int Line,
        string Handle,
        string Title,
        string? DescriptionHtml,
        string? Vendor,
        string? ProductType,
        string? Tags,
        ProductStatus Status,
        string? Option1Name,
        string? Option2Name,
        string? Option3Name)
    {
        public List<ImportedVariant> Variants { get; } = [];

        public List<ImportedImage> Images { get; } = [];

        public ImportedProduct ToImported() => new(
            Line, Handle, Title, DescriptionHtml, Vendor, ProductType, Tags, Status,
            Option1Name, Option2Name, Option3Name, Variants, Images);
    }
}
