using System.Text;

namespace Sintra.Hub.Web.Integration;

/// <summary>Cursor paging of list endpoints: an opaque <c>after</c> cursor, a <c>limit</c> and a <c>Link</c> header.</summary>
public static class ApiPaging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Returns the error for a limit outside 1..<see cref="MaxLimit"/>, or null.</summary>
    public static string? CheckLimit(int? limit) =>
        limit is < 1 or > MaxLimit ? $"limit {limit} is out of range; use a value from 1 to {MaxLimit}." : null;

    public static string Encode(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor; returns null when it is not one this API issued.</summary>
    public static string? Decode(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Returns the URL of the next page: the current request with <c>after</c> replaced.</summary>
    public static string NextUrl(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => q.Key != "after")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"after={Uri.EscapeDataString(cursor)}");
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }

    /// <summary>Adds <c>Link: &lt;url&gt;; rel="next"</c> when there is a next page.</summary>
    public static void AddLink(HttpResponse response, string? next)
    {
        if (next is not null)
        {
            response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        }
    }
}

/// <summary>One page of a list: the items and the URL of the next page, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
