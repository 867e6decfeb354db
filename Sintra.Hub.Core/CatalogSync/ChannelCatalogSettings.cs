using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.CatalogSync;

/// <summary>
/// How one channel receives the catalog: which products it lists by default, in which locales, at which prices, and
/// what happens when the channel itself changes a product. Its key is the channel id, so a channel has at most one.
/// A channel without settings receives no catalog changes.
/// </summary>
public class ChannelCatalogSettings : IVersioned
{
    /// <summary>Locale of the product's own columns, the catalog's default locale.</summary>
    public const string CatalogLocale = "it";

    public Guid ChannelId { get; set; }

    /// <summary>Sends catalog changes to the channel; when false, no catalog outbox rows are written for it.</summary>
    public bool PushEnabled { get; set; }

    /// <summary>Whether a product without a listing row of its own is listed on the channel.</summary>
    public ListingDefault DefaultListing { get; set; } = ListingDefault.IncludeNone;

    /// <summary>
    /// Locale of the shop's own product fields, lower case. The product's columns go out when it equals
    /// <see cref="CatalogLocale"/>, and otherwise the translations into it, field by field, with the columns as fallback.
    /// </summary>
    public string Locale { get; set; } = CatalogLocale;

    /// <summary>
    /// Further shop locales, comma-separated and lower case, whose translations are registered with the channel
    /// next to the product fields, for example <c>en,de</c>.
    /// </summary>
    public string? TranslationLocales { get; set; }

    /// <summary>
    /// The price list whose prices the channel receives. Null uses the list assigned to the channel in the channel's
    /// currency, if there is one; a variant without an entry keeps its own price.
    /// </summary>
    public Guid? PriceListId { get; set; }

    /// <summary>Lists a product only while the completeness check passes for this channel.</summary>
    public bool PublishOnlyComplete { get; set; }

    /// <summary>What an incoming <c>products/update</c> from the channel does to the hub's product.</summary>
    public ChannelUpdatePolicy IncomingUpdates { get; set; } = ChannelUpdatePolicy.FlagConflict;

    public long Version { get; set; }

    /// <summary>Returns <see cref="TranslationLocales"/> as a list, without blanks, duplicates or the shop locale.</summary>
    public IReadOnlyList<string> TranslationLocaleList() =>
        (TranslationLocales ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(locale => locale.ToLowerInvariant())
            .Where(locale => locale != Locale)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

public enum ListingDefault
{
    /// <summary>Every product is listed unless a listing row excludes it.</summary>
    IncludeAll,

    /// <summary>No product is listed unless a listing row includes it.</summary>
    IncludeNone,
}

public enum ChannelUpdatePolicy
{
    /// <summary>The channel's title, description, tags and prices are applied to the hub and recorded as a version.</summary>
    RecordVersion,

    /// <summary>The hub keeps its data and the product shows a conflict that staff resolve.</summary>
    FlagConflict,
}
