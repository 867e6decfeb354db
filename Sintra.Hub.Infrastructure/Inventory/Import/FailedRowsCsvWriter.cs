using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Sintra.Hub.Core.Inventory.Import;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

/// <summary>
/// Writes the records that failed a stock import as UTF-8 CSV with a byte order mark (so Excel reads the accents),
/// in the profile's delimiter, with the line number and the error in two extra columns.
/// </summary>
public static class FailedRowsCsvWriter
{
    /// <summary>
    /// Writes the header (when the file had one) and each failed record once, with all its errors joined.
    /// <paramref name="describe"/> turns an error into the user's language.
    /// </summary>
    public static async Task WriteAsync(
        Stream target,
        StockImportPreview preview,
        string delimiter,
        string lineColumn,
        string errorColumn,
        Func<StockRowError, string> describe,
        CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, NewLine = "\r\n" };
        await using var csv = new CsvWriter(text, configuration);
        if (preview.Header.Count > 0)
        {
            foreach (var name in preview.Header)
            {
                csv.WriteField(GuardFormula(name));
            }

            csv.WriteField(lineColumn);
            csv.WriteField(errorColumn);
            await csv.NextRecordAsync();
        }

        foreach (var group in preview.Errors.GroupBy(e => e.Line).OrderBy(g => g.Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var field in group.First().Fields)
            {
                csv.WriteField(GuardFormula(field));
            }

            csv.WriteField(group.Key.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(GuardFormula(string.Join(" ", group.Select(describe))));
            await csv.NextRecordAsync();
        }
    }

    /// <summary>
    /// Prefixes <c>'</c> to a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
    /// return, so a spreadsheet shows it as text instead of running it as a formula.
    /// </summary>
    public static string GuardFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
