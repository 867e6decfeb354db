using System.Globalization;
using System.Text.RegularExpressions;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>Parses the quantity and counted-at cells of a stock file in the profile's culture.</summary>
public static class StockValueParser
{
    /// <summary>Returns the culture of a profile's culture name; an empty name is the invariant culture.</summary>
    public static CultureInfo ResolveCulture(string? name) =>
        string.IsNullOrWhiteSpace(name) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name.Trim());

    /// <summary>
    /// Parses a quantity such as <c>1.234</c> (it-IT) or <c>1,234</c> (en-US). Group separators must sit between
    /// groups of three digits, so <c>1.5</c> in it-IT is not read as 15. Returns null when the text is not a number.
    /// </summary>
    public static decimal? ParseNumber(string text, CultureInfo culture)
    {
        var format = culture.NumberFormat;
        var value = text.Trim();
        var group = Regex.Escape(format.NumberGroupSeparator);
        var point = Regex.Escape(format.NumberDecimalSeparator);
        var minus = Regex.Escape(format.NegativeSign);

        var pattern = $@"^(?:{minus}|\+)?(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{point}\d+)?$";
        if (!Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant))
        {
            return null;
        }

        return decimal.TryParse(value, NumberStyles.Number, format, out var number) ? number : null;
    }

    /// <summary>
    /// Parses a counted-at time. A time with an offset is converted to UTC; a time without one is taken as UTC.
    /// </summary>
    public static DateTime? ParseTime(string text, CultureInfo culture)
    {
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (DateTime.TryParse(text.Trim(), culture, styles, out var time)
            || DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, styles, out time))
        {
            return DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }

        return null;
    }
}
