using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>
/// Writes the catalog in Shopify's classic product CSV layout, with the columns <see cref="ShopifyProductCsvReader"/>
/// reads, so that importing the file gives back the same products, variants and images. It writes one row per variant, and a
/// product with more images than variants gets extra rows that carry only the handle and the image.
/// </summary>
public sealed class ShopifyCsvExporter(HubDbContext db)
{
    private static readonly string[] Header =
    [
        "Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Status",
        "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
        "Variant SKU", "Variant Grams", "Variant Price", "Variant Compare At Price",
        "Variant Requires Shipping", "Variant Taxable", "Variant Barcode",
        "Image Src", "Image Position", "Image Alt Text", "SEO Title", "SEO Description",
    ];

    /// <summary>Writes the header and every product to <paramref name="output"/>, flushing after each batch.</summary>
    public async Task WriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture), leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var batch in CatalogExportSource.ReadBatchesAsync(db, cancellationToken))
        {
            foreach (var product in batch)
            {
                await WriteProductAsync(csv, product);
            }

            await csv.FlushAsync();
        }
    }

    private static async Task WriteProductAsync(CsvWriter csv, Product product)
    {
        var rows = Math.Max(1, Math.Max(product.Variants.Count, product.Images.Count));
        for (var i = 0; i < rows; i++)
        {
            var first = i == 0;
            var variant = i < product.Variants.Count ? product.Variants[i] : null;
            var image = i < product.Images.Count ? product.Images[i] : null;

            Text(csv, product.Handle);
            Text(csv, first ? product.Title : null);
            Text(csv, first ? product.DescriptionHtml : null);
            Text(csv, first ? product.Vendor : null);
            Text(csv, first ? product.ProductType : null);
            Text(csv, first ? product.Tags : null);
            Text(csv, first ? product.Status.ToString().ToLowerInvariant() : null);
            Text(csv, first ? product.Option1Name : null);
            Text(csv, variant?.Option1);
            Text(csv, first ? product.Option2Name : null);
            Text(csv, variant?.Option2);
            Text(csv, first ? product.Option3Name : null);
            Text(csv, variant?.Option3);
            Text(csv, variant?.Sku);
            csv.WriteField(variant?.WeightGrams?.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(variant?.Price.ToString("0.00##", CultureInfo.InvariantCulture));
            csv.WriteField(variant?.CompareAtPrice?.ToString("0.00##", CultureInfo.InvariantCulture));
            csv.WriteField(Flag(variant?.RequiresShipping));
            csv.WriteField(Flag(variant?.Taxable));
            Text(csv, variant?.Barcode);
            Text(csv, image?.Src);
            csv.WriteField(image?.Position.ToString(CultureInfo.InvariantCulture));
            Text(csv, image?.AltText);
            Text(csv, first ? product.SeoTitle : null);
            Text(csv, first ? product.SeoDescription : null);
            await csv.NextRecordAsync();
        }
    }

    private static string? Flag(bool? value) => value switch
    {
        true => "TRUE",
        false => "FALSE",
        null => null,
    };

    /// <summary>
    /// Writes a text cell, quoted so that SKUs and barcodes stay strings with their leading zeros in the file.
    /// </summary>
    /// <remarks>
    /// NOTE: quoting keeps the file exact, but Excel still turns a cell such as 0001234 into a number when it opens a
    /// CSV by double-click. Importing the file through Excel's text import with the column set to Text keeps it.
    /// </remarks>
    internal static void Text(CsvWriter csv, string? value) => csv.WriteField(SpreadsheetText.Guard(value), shouldQuote: value is not null);
}
