using System.Text.RegularExpressions;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Channels;

/// <summary>
/// Rules of the channel form that need no database: normalization and format checks. Uniqueness of the shop
/// domain and the order warehouse are checked by the service that saves.
/// </summary>
public static partial class ChannelRules
{
    /// <summary>Shortest webhook secret accepted, because a shorter one is easy to guess.</summary>
    public const int MinSecretLength = 16;

    /// <summary>Longest webhook secret accepted, so that its encrypted form fits the 1024-character column.</summary>
    public const int MaxSecretLength = 200;

    /// <summary>Field name of a new webhook secret in <see cref="FieldError.Field"/>.</summary>
    public const string SecretField = "Secret";

    /// <summary>Error codes in <see cref="SaveResult.Errors"/>, turned into messages by the UI.</summary>
    public static class Errors
    {
        public const string NameRequired = "NameRequired";
        public const string NameTooLong = "NameTooLong";
        public const string ShopDomainFormat = "ShopDomainFormat";
        public const string ShopDomainTaken = "ShopDomainTaken";
        public const string WarehouseRequired = "WarehouseRequired";
        public const string WarehouseNotFound = "WarehouseNotFound";
        public const string WarehouseInactive = "WarehouseInactive";
        public const string TimeZoneInvalid = "TimeZoneInvalid";
        public const string CurrencyFormat = "CurrencyFormat";
        public const string AttributeRequired = "AttributeRequired";
        public const string AttributeTooLong = "AttributeTooLong";
        public const string AttributeDuplicate = "AttributeDuplicate";
        public const string SecretRequired = "SecretRequired";
        public const string SecretLength = "SecretLength";
        public const string SecretWhitespace = "SecretWhitespace";
        public const string SecretUnchanged = "SecretUnchanged";
        public const string NoCurrentSecret = "NoCurrentSecret";
        public const string OrderWarehouseNotSource = "OrderWarehouseNotSource";
        public const string SourceDuplicate = "SourceDuplicate";
        public const string BufferNegative = "BufferNegative";
        public const string CapNegative = "CapNegative";
    }

    /// <summary>
    /// Normalizes a shop domain: trimmed, lower-cased, without a leading <c>http://</c> or <c>https://</c> and
    /// without a trailing slash.
    /// </summary>
    public static string NormalizeShopDomain(string? domain)
    {
        var value = (domain ?? string.Empty).Trim().ToLowerInvariant();
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (value.StartsWith(scheme, StringComparison.Ordinal))
            {
                value = value[scheme.Length..];
            }
        }

        return value.TrimEnd('/');
    }

    /// <summary>Returns true when the domain is a Shopify permanent domain such as <c>my-shop.myshopify.com</c>.</summary>
    public static bool IsShopDomain(string normalizedDomain) => ShopDomainPattern().IsMatch(normalizedDomain);

    /// <summary>
    /// Returns true when the id is an IANA time zone found in the system's time zone data. Windows ids such as
    /// <c>W. Europe Standard Time</c>, which .NET on Linux also resolves, are rejected.
    /// </summary>
    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;

    /// <summary>Normalizes an ISO 4217 code: trimmed and upper-cased.</summary>
    public static string NormalizeCurrency(string? currency) => (currency ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>
    /// Checks the fields that need no database. Warehouse existence and domain uniqueness are not checked here.
    /// </summary>
    public static List<FieldError> Validate(ChannelInput input)
    {
        var errors = new List<FieldError>();
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(new FieldError(nameof(ChannelInput.Name), Errors.NameRequired));
        }
        else if (name.Length > 200)
        {
            errors.Add(new FieldError(nameof(ChannelInput.Name), Errors.NameTooLong));
        }

        if (!IsShopDomain(NormalizeShopDomain(input.ShopDomain)))
        {
            errors.Add(new FieldError(nameof(ChannelInput.ShopDomain), Errors.ShopDomainFormat));
        }

        if (input.OrderWarehouseId is null)
        {
            errors.Add(new FieldError(nameof(ChannelInput.OrderWarehouseId), Errors.WarehouseRequired));
        }

        if (!IsIanaTimeZone(input.TimeZone?.Trim()))
        {
            errors.Add(new FieldError(nameof(ChannelInput.TimeZone), Errors.TimeZoneInvalid));
        }

        if (!CurrencyPattern().IsMatch(NormalizeCurrency(input.Currency)))
        {
            errors.Add(new FieldError(nameof(ChannelInput.Currency), Errors.CurrencyFormat));
        }

        ValidateAttributes(input, errors);
        ValidateStockPolicy(input, errors);
        return errors;
    }

    /// <summary>Checks a new webhook secret and returns the broken rules, an empty list when it is acceptable.</summary>
    public static List<FieldError> ValidateSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return [new FieldError(SecretField, Errors.SecretRequired)];
        }

        if (secret.Any(char.IsWhiteSpace))
        {
            return [new FieldError(SecretField, Errors.SecretWhitespace)];
        }

        if (secret.Length is < MinSecretLength or > MaxSecretLength)
        {
            return [new FieldError(SecretField, Errors.SecretLength)];
        }

        return [];
    }

    /// <summary>Copies the normalized fields of the input onto the channel.</summary>
    public static void Apply(ChannelInput input, SalesChannel channel)
    {
        channel.Name = input.Name!.Trim();
        channel.ShopDomain = NormalizeShopDomain(input.ShopDomain);
        channel.OrderWarehouseId = input.OrderWarehouseId;
        channel.TimeZone = input.TimeZone!.Trim();
        channel.Currency = NormalizeCurrency(input.Currency);
        channel.FiscalAttributes.CodiceFiscale = input.CodiceFiscaleAttribute!.Trim();
        channel.FiscalAttributes.PartitaIva = input.PartitaIvaAttribute!.Trim();
        channel.FiscalAttributes.CodiceDestinatario = input.CodiceDestinatarioAttribute!.Trim();
        channel.FiscalAttributes.Pec = input.PecAttribute!.Trim();
        channel.IsActive = input.IsActive;
        ApplyStockPolicy(input, channel);
    }

    /// <summary>Builds the form input from a stored channel.</summary>
    public static ChannelInput ToInput(SalesChannel channel) => new()
    {
        Name = channel.Name,
        ShopDomain = channel.ShopDomain,
        OrderWarehouseId = channel.OrderWarehouseId,
        TimeZone = channel.TimeZone,
        Currency = channel.Currency,
        CodiceFiscaleAttribute = channel.FiscalAttributes.CodiceFiscale,
        PartitaIvaAttribute = channel.FiscalAttributes.PartitaIva,
        CodiceDestinatarioAttribute = channel.FiscalAttributes.CodiceDestinatario,
        PecAttribute = channel.FiscalAttributes.Pec,
        IsActive = channel.IsActive,
        StockSourceIds = channel.StockSources.OrderBy(s => s.Priority).Select(s => s.WarehouseId).ToList(),
        StockBuffer = channel.StockBuffer,
        StockCap = channel.StockCap,
    };

    private static void ValidateAttributes(ChannelInput input, List<FieldError> errors)
    {
        var attributes = new (string Field, string? Value)[]
        {
            (nameof(ChannelInput.CodiceFiscaleAttribute), input.CodiceFiscaleAttribute),
            (nameof(ChannelInput.PartitaIvaAttribute), input.PartitaIvaAttribute),
            (nameof(ChannelInput.CodiceDestinatarioAttribute), input.CodiceDestinatarioAttribute),
            (nameof(ChannelInput.PecAttribute), input.PecAttribute),
        };

        // Attribute names are matched ignoring case, so two fields that differ only in case would read the same
        // note attribute.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, value) in attributes)
        {
            var name = value?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(new FieldError(field, Errors.AttributeRequired));
            }
            else if (name.Length > 100)
            {
                errors.Add(new FieldError(field, Errors.AttributeTooLong));
            }
            else if (!seen.Add(name))
            {
                errors.Add(new FieldError(field, Errors.AttributeDuplicate));
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex ShopDomainPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
