using System.Text.RegularExpressions;

namespace Sintra.Hub.Infrastructure.Exchange.Storage;

/// <summary>
/// Checks file names that come from partners before they become paths. A valid name has at most 200 characters,
/// all of them letters, digits, space, dot, dash, underscore, plus, parentheses or at, and no leading dot, so it
/// has no folder parts and no control characters.
/// </summary>
public static partial class ExchangeFileNames
{
    public const int MaxLength = 200;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && name != "." && name != ".."
        && !name.StartsWith('.')
        && !name.EndsWith(' ')
        && SafeName().IsMatch(name);

    /// <summary>Returns true when a name matches a glob with <c>*</c> and <c>?</c>, ignoring case.</summary>
    public static bool MatchesPattern(string name, string pattern)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";
        return Regex.IsMatch(name, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Returns a name that does not collide, by adding the UTC time before the extension.</summary>
    public static string WithTimeSuffix(string name, DateTime utcNow)
    {
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length];
        return $"{stem}.{utcNow:yyyyMMdd'T'HHmmssfff'Z'}{extension}";
    }

    [GeneratedRegex(@"^[\p{L}\p{Nd} ._\-+()@]+$")]
    private static partial Regex SafeName();
}
