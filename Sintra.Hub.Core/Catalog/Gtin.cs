namespace Sintra.Hub.Core.Catalog;

/// <summary>
/// Validates GTIN barcodes (GTIN-8, GTIN-12/UPC-A, GTIN-13/EAN-13 and GTIN-14) by length and GS1 check digit.
/// </summary>
public static class Gtin
{
    /// <summary>Checks the barcode's characters, length and check digit.</summary>
    public static GtinResult Check(string barcode)
    {
        if (!barcode.All(char.IsAsciiDigit))
        {
            return new GtinResult(GtinProblem.NotDigits, null);
        }

        if (barcode.Length is not (8 or 12 or 13 or 14))
        {
            return new GtinResult(GtinProblem.WrongLength, null);
        }

        var expected = CheckDigit(barcode.AsSpan(0, barcode.Length - 1));
        return expected == barcode[^1] - '0'
            ? new GtinResult(GtinProblem.None, expected)
            : new GtinResult(GtinProblem.WrongCheckDigit, expected);
    }

    /// <summary>Returns null when the barcode is valid, or an English message naming the barcode and the fix.</summary>
    public static string? Validate(string barcode)
    {
        var result = Check(barcode);
        return result.Problem switch
        {
            GtinProblem.None => null,
            GtinProblem.WrongCheckDigit =>
                $"Barcode '{barcode}' has the wrong check digit {barcode[^1]}; the expected check digit is "
                + $"{result.ExpectedCheckDigit}. Check the number for a typing error.",
            _ => $"Barcode '{barcode}' is invalid: a GTIN has 8, 12, 13 or 14 digits and nothing else. "
                + "Check the number on the package.",
        };
    }

    /// <summary>Computes the GS1 check digit of the digits before it: weights 3 and 1 alternate from the right.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var weight = (digits.Length - i) % 2 == 1 ? 3 : 1;
            sum += (digits[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10;
    }
}

public enum GtinProblem
{
    None,
    NotDigits,
    WrongLength,
    WrongCheckDigit,
}

/// <summary>Outcome of a GTIN check. <see cref="ExpectedCheckDigit"/> is set when the length was right.</summary>
public sealed record GtinResult(GtinProblem Problem, int? ExpectedCheckDigit)
{
    public bool IsValid => Problem == GtinProblem.None;
}
