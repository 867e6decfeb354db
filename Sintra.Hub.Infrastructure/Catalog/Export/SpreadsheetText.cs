namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>
/// Protects CSV text cells from formula injection. A cell that starts with = + - @, a tab or a carriage return gets a
/// leading apostrophe, because a spreadsheet may run such a cell as a formula. Spreadsheets hide the apostrophe and
/// treat the cell as text.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Guard(string? text) =>
        string.IsNullOrEmpty(text) || Array.IndexOf(FormulaStarts, text[0]) < 0 ? text : "'" + text;

    /// <summary>Removes the apostrophe that <see cref="Guard"/> adds and returns any other text unchanged.</summary>
    public static string Unguard(string text) =>
        text.Length > 1 && text[0] == '\'' && Array.IndexOf(FormulaStarts, text[1]) >= 0 ? text[1..] : text;
}
