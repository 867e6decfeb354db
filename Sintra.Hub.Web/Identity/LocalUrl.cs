namespace Sintra.Hub.Web.Identity;

/// <summary>Checks for redirect targets, so that a link cannot send a signed-in user to another site.</summary>
public static class LocalUrl
{
    /// <summary>
    /// Returns true for an absolute path on this site such as <c>/orders?status=Paid</c>, and false for anything
    /// that a browser could read as another host (<c>//host</c>, <c>/\host</c>, <c>https://…</c>).
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>Returns <paramref name="url"/> when it is local, otherwise <c>/</c>.</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
