namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>A column of Shopify's product CSV that the import reads, whatever the layout calls it.</summary>
internal enum ShopifyColumn
{
    Handle,
    Title,
    Description,
    Vendor,
    ProductType,
    Tags,
    Status,
    Option1Name,
    Option1Value,
    Option2Name,
    Option2Value,
    Option3Name,
    Option3Value,
    Sku,
    Barcode,
    WeightGrams,
    InventoryQuantity,
    Price,
    CompareAtPrice,
    RequiresShipping,
    Taxable,
    ImageSrc,
    ImagePosition,
    ImageAltText,
}

/// <summary>
/// The positions of the known columns in one file's header. Shopify's classic export (<c>Handle</c>,
/// <c>Variant SKU</c>, ...) and the layout it has used since 2025 (<c>URL handle</c>, <c>SKU</c>, ...) carry the
/// same data under different names. Other columns are ignored.
/// </summary>
internal sealed class ShopifyCsvLayout
{
    private static readonly Dictionary<ShopifyColumn, string> Classic = new()
    {
        [ShopifyColumn.Handle] = "Handle",
        [ShopifyColumn.Title] = "Title",
        [ShopifyColumn.Description] = "Body (HTML)",
        [ShopifyColumn.Vendor] = "Vendor",
        [ShopifyColumn.ProductType] = "Type",
        [ShopifyColumn.Tags] = "Tags",
        [ShopifyColumn.Status] = "Status",
        [ShopifyColumn.Option1Name] = "Option1 Name",
        [ShopifyColumn.Option1Value] = "Option1 Value",
        [ShopifyColumn.Option2Name] = "Option2 Name",
        [ShopifyColumn.Option2Value] = "Option2 Value",
        [ShopifyColumn.Option3Name] = "Option3 Name",
        [ShopifyColumn.Option3Value] = "Option3 Value",
        [ShopifyColumn.Sku] = "Variant SKU",
        [ShopifyColumn.Barcode] = "Variant Barcode",
        [ShopifyColumn.WeightGrams] = "Variant Grams",
        [ShopifyColumn.InventoryQuantity] = "Variant Inventory Qty",
        [ShopifyColumn.Price] = "Variant Price",
        [ShopifyColumn.CompareAtPrice] = "Variant Compare At Price",
        [ShopifyColumn.RequiresShipping] = "Variant Requires Shipping",
        [ShopifyColumn.Taxable] = "Variant Taxable",
        [ShopifyColumn.ImageSrc] = "Image Src",
        [ShopifyColumn.ImagePosition] = "Image Position",
        [ShopifyColumn.ImageAltText] = "Image Alt Text",
    };

    // NOTE: "Charge tax", "Requires shipping" and the three image column names have not been checked against a
    // current Shopify export. The handle, option, SKU, price, quantity and weight names match Shopify's manual.
    private static readonly Dictionary<ShopifyColumn, string> Layout2025 = new()
    {
        [ShopifyColumn.Handle] = "URL handle",
        [ShopifyColumn.Title] = "Title",
        [ShopifyColumn.Description] = "Description",
        [ShopifyColumn.Vendor] = "Vendor",
        [ShopifyColumn.ProductType] = "Type",
        [ShopifyColumn.Tags] = "Tags",
        [ShopifyColumn.Status] = "Status",
        [ShopifyColumn.Option1Name] = "Option1 name",
        [ShopifyColumn.Option1Value] = "Option1 value",
        [ShopifyColumn.Option2Name] = "Option2 name",
        [ShopifyColumn.Option2Value] = "Option2 value",
        [ShopifyColumn.Option3Name] = "Option3 name",
        [ShopifyColumn.Option3Value] = "Option3 value",
        [ShopifyColumn.Sku] = "SKU",
        [ShopifyColumn.Barcode] = "Barcode",
        [ShopifyColumn.WeightGrams] = "Weight value (grams)",
        [ShopifyColumn.InventoryQuantity] = "Inventory quantity",
        [ShopifyColumn.Price] = "Price",
        [ShopifyColumn.CompareAtPrice] = "Compare-at price",
        [ShopifyColumn.RequiresShipping] = "Requires shipping",
        [ShopifyColumn.Taxable] = "Charge tax",
        [ShopifyColumn.ImageSrc] = "Product image URL",
        [ShopifyColumn.ImagePosition] = "Image position",
        [ShopifyColumn.ImageAltText] = "Image alt text",
    };

    private readonly Dictionary<ShopifyColumn, int> indexes;
    private readonly Dictionary<ShopifyColumn, string> names;

    private ShopifyCsvLayout(Dictionary<ShopifyColumn, int> indexes, Dictionary<ShopifyColumn, string> names)
    {
        this.indexes = indexes;
        this.names = names;
    }

    /// <summary>Number of columns in the header.</summary>
    public int FieldCount { get; private init; }

    /// <summary>
    /// Detects the layout from the header, matching names without regard to case or surrounding spaces.
    /// Returns null when the header has neither <c>Handle</c> nor <c>URL handle</c>.
    /// </summary>
    public static ShopifyCsvLayout? Detect(string[] header)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            positions.TryAdd(header[i].Trim(), i);
        }

        var names = positions.ContainsKey(Layout2025[ShopifyColumn.Handle]) ? Layout2025
            : positions.ContainsKey(Classic[ShopifyColumn.Handle]) ? Classic
            : null;
        if (names is null)
        {
            return null;
        }

        var indexes = names
            .Where(n => positions.ContainsKey(n.Value))
            .ToDictionary(n => n.Key, n => positions[n.Value]);
        return new ShopifyCsvLayout(indexes, names) { FieldCount = header.Length };
    }

    public bool Has(ShopifyColumn column) => indexes.ContainsKey(column);

    /// <summary>Column name as Shopify spells it in this layout, for messages.</summary>
    public string Name(ShopifyColumn column) => names[column];

    /// <summary>Returns the cell trimmed, or null when the column is absent or the cell is blank.</summary>
    public string? Get(string[] record, ShopifyColumn column)
    {
        var raw = GetRaw(record, column);
        return string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
    }

    /// <summary>
    /// Returns the cell as in the file, or null when the column is absent or the cell is empty. The apostrophe that
    /// <see cref="SpreadsheetText.Guard"/> puts before a leading = + - @ tab or carriage return is removed, so an
    /// export of the hub reads back to the same text.
    /// </summary>
    public string? GetRaw(string[] record, ShopifyColumn column) =>
        indexes.TryGetValue(column, out var index) && index < record.Length && record[index].Length > 0
            ? SpreadsheetText.Unguard(record[index])
            : null;
}
