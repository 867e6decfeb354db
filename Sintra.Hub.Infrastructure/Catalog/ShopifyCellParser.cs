using System.Globalization;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Import;

namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>
/// Parses the typed cells of one row. Numbers use the invariant culture (a dot as decimal separator, no
/// thousands separator), as Shopify exports them. SKUs, barcodes and option values stay exact strings.
/// </summary>
internal sealed class ShopifyCellParser(ShopifyCsvLayout layout)
{
    private const int MaxDecimalPlaces = 4;

    public ProductStatus? ParseStatus(int line, string[] record, List<ImportRowError> errors)
    {
        var value = layout.Get(record, ShopifyColumn.Status);
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<ProductStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status)
            && !value.Any(char.IsDigit))
        {
            return status;
        }

        errors.Add(Error(line, ShopifyColumn.Status, value, "The status is invalid. Use active, draft or archived."));
        return null;
    }

    public ImportedVariant? ParseVariant(int line, string[] record, List<ImportRowError> errors)
    {
        var errorCount = errors.Count;
        var sku = Text(line, record, ShopifyColumn.Sku, 255, errors);
        var barcode = Text(line, record, ShopifyColumn.Barcode, 64, errors);
        var price = Price(line, record, ShopifyColumn.Price, errors);
        if (price is null && layout.Get(record, ShopifyColumn.Price) is null)
        {
            errors.Add(Error(line, ShopifyColumn.Price, null,
                $"{layout.Name(ShopifyColumn.Price)} is missing. Enter the variant price, for example 12.50."));
        }

        var variant = new ImportedVariant(
            line,
            sku,
            barcode,
            Text(line, record, ShopifyColumn.Option1Value, 255, errors),
            Text(line, record, ShopifyColumn.Option2Value, 255, errors),
            Text(line, record, ShopifyColumn.Option3Value, 255, errors),
            price ?? 0m,
            Price(line, record, ShopifyColumn.CompareAtPrice, errors),
            Grams(line, record, errors),
            Boolean(line, record, ShopifyColumn.RequiresShipping, errors),
            Boolean(line, record, ShopifyColumn.Taxable, errors),
            Quantity(line, record, errors));
        return errors.Count == errorCount ? variant : null;
    }

    public ImportedImage? ParseImage(int line, string[] record, int nextPosition, List<ImportRowError> errors)
    {
        var src = layout.Get(record, ShopifyColumn.ImageSrc)!;
        if (src.Length > 2048)
        {
            var shortened = src[..64] + "…";
            errors.Add(Error(line, ShopifyColumn.ImageSrc, shortened, "The image URL is longer than 2048 characters."));
            return null;
        }

        var position = nextPosition;
        var positionText = layout.Get(record, ShopifyColumn.ImagePosition);
        if (positionText is not null
            && (!int.TryParse(positionText, NumberStyles.None, CultureInfo.InvariantCulture, out position) || position < 1))
        {
            errors.Add(Error(line, ShopifyColumn.ImagePosition, positionText,
                "The image position is invalid. Use a whole number from 1, or leave it empty."));
            return null;
        }

        var alt = layout.Get(record, ShopifyColumn.ImageAltText);
        return new ImportedImage(line, src, position, alt?.Length > 512 ? alt[..512] : alt);
    }

    /// <summary>Returns the cell and adds an error when it is longer than its column allows.</summary>
    public string? Text(int line, string[] record, ShopifyColumn column, int maxLength, List<ImportRowError> errors)
    {
        var value = layout.Get(record, column);
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(Error(line, column, value, $"The value is longer than {maxLength} characters. Shorten it."));
        }

        return value;
    }

    private decimal? Price(int line, string[] record, ShopifyColumn column, List<ImportRowError> errors)
    {
        var value = layout.Get(record, column);
        if (value is null)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price)
            && price.Scale <= MaxDecimalPlaces)
        {
            return price;
        }

        errors.Add(Error(line, column, value,
            $"The price is invalid. Use digits with a dot as decimal separator and at most {MaxDecimalPlaces} decimals, "
            + "for example 1234.50."));
        return null;
    }

    private int? Grams(int line, string[] record, List<ImportRowError> errors)
    {
        var value = layout.Get(record, ShopifyColumn.WeightGrams);
        if (value is null)
        {
            return null;
        }

        // Shopify exports grams as "250" or "250.0", and the model keeps whole grams.
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var grams)
            && grams <= int.MaxValue)
        {
            return (int)Math.Round(grams, MidpointRounding.AwayFromZero);
        }

        errors.Add(Error(line, ShopifyColumn.WeightGrams, value,
            "The weight is invalid. Enter grams as a number with a dot as decimal separator, for example 250."));
        return null;
    }

    private int? Quantity(int line, string[] record, List<ImportRowError> errors)
    {
        var value = layout.Get(record, ShopifyColumn.InventoryQuantity);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
        {
            return quantity;
        }

        errors.Add(Error(line, ShopifyColumn.InventoryQuantity, value,
            "The quantity is invalid. Enter a whole number of units, 0 or more, or leave it empty."));
        return null;
    }

    private bool Boolean(int line, string[] record, ShopifyColumn column, List<ImportRowError> errors)
    {
        var value = layout.Get(record, column);
        if (value is null)
        {
            return true;
        }

        if (bool.TryParse(value, out var result))
        {
            return result;
        }

        errors.Add(Error(line, column, value, "The value is invalid. Use TRUE or FALSE, or leave it empty for TRUE."));
        return true;
    }

    private ImportRowError Error(int line, ShopifyColumn column, string? value, string message) =>
        new(line, layout.Name(column), value, message);
}
