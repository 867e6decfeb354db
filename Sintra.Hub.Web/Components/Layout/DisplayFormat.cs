using System.Globalization;

namespace Sintra.Hub.Web.Components.Layout;

/// <summary>How the pages show times and money in the current culture.</summary>
public static class DisplayFormat
{
    /// <summary>
    /// Formats a UTC time in the shop's IANA time zone, for example <c>04/12/2026 17:05</c>. An unknown zone
    /// falls back to <see cref="Utc"/>, so that one misconfigured channel does not break a page.
    /// </summary>
    public static string ShopTime(DateTime utc, string timeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return Utc(utc);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.ToString("g", CultureInfo.CurrentCulture);
    }

    /// <summary>Formats a UTC time with an explicit <c>UTC</c> suffix.</summary>
    public static string Utc(DateTime utc) => utc.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    /// <summary>Formats an amount with two decimals and its ISO 4217 code, for example <c>1.234,50 EUR</c>.</summary>
    public static string Money(decimal amount, string currency) =>
        amount.ToString("N2", CultureInfo.CurrentCulture) + " " + currency;

    /// <summary>Formats a calendar date in the current culture's short pattern.</summary>
    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}
