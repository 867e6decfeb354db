using System.Globalization;

namespace Sintra.Hub.Core.Catalog.Attributes;

/// <summary>
/// Checks and normalizes attribute values. Stored forms: numbers with a dot and no grouping, yes/no as
/// <c>true</c>/<c>false</c>, dates as <c>yyyy-MM-dd</c>, list values as option codes, and multi-list values as option
/// codes joined with <c>|</c>.
/// </summary>
public static class AttributeValues
{
    public const char MultiSeparator = '|';

    /// <summary>Returns the stored form of <paramref name="input"/>, or an error message naming the value and the fix.</summary>
    public static (string? Value, string? Error) Normalize(CatalogAttribute attribute, string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, null);
        }

        switch (attribute.Type)
        {
            case AttributeType.Number:
                var normalized = text.Replace(',', '.');
                return decimal.TryParse(normalized, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
                    ? (number.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"'{text}' is not a number for attribute {attribute.Code}. Enter digits with an optional decimal point, such as 12.5.");
            case AttributeType.YesNo:
                return text.ToLowerInvariant() switch
                {
                    "true" or "yes" or "si" or "sì" or "1" => ("true", null),
                    "false" or "no" or "0" => ("false", null),
                    _ => (null, $"'{text}' is not yes or no for attribute {attribute.Code}. Enter true or false."),
                };
            case AttributeType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, $"'{text}' is not a date for attribute {attribute.Code}. Enter it as yyyy-MM-dd, such as 2026-03-31.");
            case AttributeType.List:
                return attribute.Options.Any(o => o.Code == text)
                    ? (text, null)
                    : (null, UnknownOption(attribute, text));
            case AttributeType.MultiList:
                var codes = text.Split(MultiSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var unknown = codes.FirstOrDefault(c => attribute.Options.All(o => o.Code != c));
                return unknown is null
                    ? (string.Join(MultiSeparator, codes.Distinct(StringComparer.Ordinal)), null)
                    : (null, UnknownOption(attribute, unknown));
            default:
                return (text, null);
        }
    }

    private static string UnknownOption(CatalogAttribute attribute, string code) =>
        $"'{code}' is not an option of attribute {attribute.Code}. Use one of: "
        + string.Join(", ", attribute.Options.OrderBy(o => o.Position).Select(o => o.Code)) + ".";
}
