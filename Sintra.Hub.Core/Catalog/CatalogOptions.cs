namespace Sintra.Hub.Core.Catalog;

/// <summary>The <c>Catalog</c> section: the locales product texts are kept in.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Locale of the text in the products' own columns.</summary>
    public string DefaultLocale { get; set; } = "it";

    /// <summary>Every catalog locale, the default one included.</summary>
    public List<string> Locales { get; set; } = ["it", "en"];

    /// <summary>Returns the locales with the default first and no duplicates, all lower case.</summary>
    public IReadOnlyList<string> AllLocales() =>
        Locales.Prepend(DefaultLocale)
            .Select(l => l.Trim().ToLowerInvariant())
            .Where(l => l.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Returns the locales other than the default one, which hold their text in translation rows.</summary>
    public IReadOnlyList<string> TranslationLocales() => AllLocales().Skip(1).ToList();
}
