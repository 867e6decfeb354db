using System.Globalization;

namespace Sintra.Hub.Web.Webhooks;

/// <summary>The <c>X-Shopify-*</c> headers of a webhook delivery.</summary>
internal static class WebhookHeaders
{
    private static readonly string[] Required =
        ["X-Shopify-Topic", "X-Shopify-Hmac-Sha256", "X-Shopify-Shop-Domain", "X-Shopify-Webhook-Id"];

    // Column sizes of the inbox table, so that an oversized header is a 400 instead of a failed insert.
    private static readonly Dictionary<string, int> MaxLengths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Shopify-Topic"] = 64,
        ["X-Shopify-Hmac-Sha256"] = 128,
        ["X-Shopify-Shop-Domain"] = 255,
        ["X-Shopify-Webhook-Id"] = 128,
        ["X-Shopify-API-Version"] = 16,
        ["X-Shopify-Event-Id"] = 128,
        ["X-Shopify-Triggered-At"] = 64,
    };

    /// <summary>Returns a message naming the first missing or oversized header, or null when all are valid.</summary>
    public static string? FindProblem(IHeaderDictionary headers)
    {
        var missing = Required.FirstOrDefault(h => string.IsNullOrWhiteSpace(headers[h]));
        if (missing is not null)
        {
            return $"The header {missing} is missing.";
        }

        foreach (var (name, maxLength) in MaxLengths)
        {
            if (headers[name].ToString().Length > maxLength)
            {
                return $"The header {name} is longer than {maxLength} characters.";
            }
        }

        return null;
    }

    public static string? Optional(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    /// <summary>Parses an ISO 8601 header value to UTC; null when it is absent or invalid.</summary>
    public static DateTime? Timestamp(IHeaderDictionary headers, string name) =>
        DateTimeOffset.TryParse(
            Optional(headers, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : null;
}
