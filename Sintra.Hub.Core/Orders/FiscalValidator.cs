using System.Net.Mail;
using Sintra.Hub.Core.Channels;

namespace Sintra.Hub.Core.Orders;

/// <summary>Reads Italian e-invoicing data from an order's note attributes and validates it.</summary>
public static class FiscalValidator
{
    /// <summary>
    /// Builds the fiscal data from the attributes named by <paramref name="map"/> (names compared ignoring case,
    /// values trimmed, codes upper-cased) and fills <see cref="FiscalData.Problems"/>.
    /// </summary>
    public static FiscalData Read(IReadOnlyList<ChannelAttribute> attributes, FiscalAttributeMap map)
    {
        var data = new FiscalData
        {
            CodiceFiscale = Find(attributes, map.CodiceFiscale)?.ToUpperInvariant(),
            PartitaIva = Find(attributes, map.PartitaIva)?.ToUpperInvariant(),
            CodiceDestinatario = Find(attributes, map.CodiceDestinatario)?.ToUpperInvariant(),
            Pec = Find(attributes, map.Pec),
        };
        var problems = Validate(data);
        data.Problems = problems.Count == 0 ? null : string.Join('\n', problems);
        return data;
    }

    /// <summary>
    /// Validates each field that is present. Returns one message per invalid field, naming the field and its value.
    /// </summary>
    public static IReadOnlyList<string> Validate(FiscalData data) => Diagnose(data).Select(p => p.Message).ToList();

    /// <summary>Validates each field that is present and returns the problems found, for display in any language.</summary>
    public static IReadOnlyList<FiscalProblem> Diagnose(FiscalData data)
    {
        var problems = new List<FiscalProblem>();
        if (data.CodiceFiscale is { } codiceFiscale && !IsValidCodiceFiscale(codiceFiscale))
        {
            problems.Add(new(FiscalProblemKind.InvalidCodiceFiscale, codiceFiscale));
        }

        if (data.PartitaIva is { } partitaIva && !IsValidPartitaIva(partitaIva))
        {
            problems.Add(new(FiscalProblemKind.InvalidPartitaIva, partitaIva));
        }

        if (data.CodiceDestinatario is { } code)
        {
            if (!IsValidCodiceDestinatario(code))
            {
                problems.Add(new(FiscalProblemKind.InvalidCodiceDestinatario, code));
            }
            else if (code == "0000000" && string.IsNullOrEmpty(data.Pec))
            {
                problems.Add(new(FiscalProblemKind.PecRequired, code));
            }
        }

        if (data.Pec is { } pec && !IsValidPec(pec))
        {
            problems.Add(new(FiscalProblemKind.InvalidPec, pec));
        }

        return problems;
    }

    /// <summary>
    /// Checks a codice fiscale: 16 characters of a person, with omocodia letters in place of digits allowed and
    /// the check character verified, or 11 digits of a company verified like a partita IVA.
    /// </summary>
    public static bool IsValidCodiceFiscale(string value) => value.Length switch
    {
        11 => IsValidElevenDigits(value),
        16 => CodiceFiscale.IsValid(value),
        _ => false,
    };

    /// <summary>Checks a partita IVA: 11 digits, optionally prefixed by <c>IT</c>, with its check digit.</summary>
    public static bool IsValidPartitaIva(string value)
    {
        var digits = value.StartsWith("IT", StringComparison.Ordinal) ? value[2..] : value;
        return IsValidElevenDigits(digits);
    }

    /// <summary>Checks an SDI recipient code: 7 letters or digits, or 6 for the public administration.</summary>
    public static bool IsValidCodiceDestinatario(string value) =>
        value.Length is 6 or 7 && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// Checks the e-mail syntax of a PEC address. Whether the mailbox is really certified cannot be checked offline.
    /// </summary>
    public static bool IsValidPec(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    // The check digit of a partita IVA (and of a company's codice fiscale) is a Luhn variant: digits at even
    // 0-based positions are added, the others doubled with 9 subtracted past 9.
    private static bool IsValidElevenDigits(string value)
    {
        if (value.Length != 11 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = value[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10 == value[10] - '0';
    }

    private static string? Find(IReadOnlyList<ChannelAttribute> attributes, string name)
    {
        var value = attributes
            .FirstOrDefault(a => string.Equals(a.Name.Trim(), name, StringComparison.OrdinalIgnoreCase))?.Value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

/// <summary>What is wrong with one field of an order's e-invoicing data.</summary>
public enum FiscalProblemKind
{
    InvalidCodiceFiscale,
    InvalidPartitaIva,
    InvalidCodiceDestinatario,
    PecRequired,
    InvalidPec,
}

/// <summary>One invalid field of an order's e-invoicing data, with the value as received.</summary>
public sealed record FiscalProblem(FiscalProblemKind Kind, string Value)
{
    /// <summary>The problem in English, as stored on the order and written to logs.</summary>
    public string Message => Kind switch
    {
        FiscalProblemKind.InvalidCodiceFiscale => $"Codice fiscale '{Value}' is invalid.",
        FiscalProblemKind.InvalidPartitaIva => $"Partita IVA '{Value}' is invalid.",
        FiscalProblemKind.InvalidCodiceDestinatario =>
            $"Codice destinatario '{Value}' is invalid: expected 7 letters or digits, or 6 for the public administration.",
        FiscalProblemKind.PecRequired => $"Codice destinatario '{Value}' needs a PEC address, and none was given.",
        _ => $"PEC '{Value}' is not a valid e-mail address.",
    };
}
