namespace Sintra.Hub.Core.Orders;

/// <summary>
/// The personal codice fiscale as defined by DM 23/12/1976: surname (3 letters), name (3), year (2 digits),
/// month (letter), day (2 digits, plus 40 for women), municipality (letter and 3 digits), check character.
/// </summary>
internal static class CodiceFiscale
{
    private const string MonthLetters = "ABCDEHLMPRST";

    // Omocodia: when two people get the same code, digits are replaced from the right by these letters (0 to 9).
    private const string OmocodiaLetters = "LMNPQRSTUV";

    // Value of each character at an odd 1-based position; digits take the value of the letter at the same index.
    private static readonly int[] OddValues =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    private static readonly int[] DigitPositions = [6, 7, 9, 10, 12, 13, 14];

    public static bool IsValid(string value)
    {
        if (value.Length != 16 || !value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            return false;
        }

        for (var i = 0; i < 16; i++)
        {
            var isDigitPosition = DigitPositions.Contains(i);
            var valid = isDigitPosition
                ? char.IsAsciiDigit(value[i]) || OmocodiaLetters.Contains(value[i])
                : char.IsAsciiLetterUpper(value[i]);
            if (!valid)
            {
                return false;
            }
        }

        return MonthLetters.Contains(value[8]) && IsValidDay(value) && CheckCharacter(value) == value[15];
    }

    private static bool IsValidDay(string value)
    {
        var day = (ToDigit(value[9]) * 10) + ToDigit(value[10]);
        return day is >= 1 and <= 31 or >= 41 and <= 71;
    }

    private static int ToDigit(char c) => char.IsAsciiDigit(c) ? c - '0' : OmocodiaLetters.IndexOf(c);

    private static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var index = char.IsAsciiDigit(value[i]) ? value[i] - '0' : value[i] - 'A';

            // Position i is 0-based, so even i is an odd position of the official algorithm.
            sum += i % 2 == 0 ? OddValues[index] : index;
        }

        return (char)('A' + (sum % 26));
    }
}
