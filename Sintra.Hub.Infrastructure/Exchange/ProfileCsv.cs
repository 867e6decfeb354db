using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Sintra.Hub.Core.Exchange;

namespace Sintra.Hub.Infrastructure.Exchange;

/// <summary>A data row read through a CSV profile: mapped field values after transforms, by field name.</summary>
public sealed record ProfileRow(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string Get(string field) => Values.GetValueOrDefault(field) ?? string.Empty;
}

/// <param name="Header">The file's header names, empty without a header.</param>
/// <param name="Rows">Rows that passed the filters.</param>
/// <param name="SkippedCount">Rows dropped by the filters.</param>
/// <param name="Failure">Why the whole file could not be read, or null.</param>
public sealed record ProfileReadResult(
    IReadOnlyList<string> Header,
    IReadOnlyList<ProfileRow> Rows,
    int SkippedCount,
    IReadOnlyList<string> Errors,
    string? Failure);

/// <summary>Reads and writes CSV files through an <see cref="ExchangeCsvProfile"/>.</summary>
public static class ProfileCsv
{
    /// <summary>Characters that make Excel and LibreOffice evaluate a cell as a formula when they lead it.</summary>
    private static readonly char[] FormulaLeads = ['=', '+', '-', '@', '\t', '\r'];

    public static Encoding EncodingOf(CsvFileEncoding encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return encoding switch
        {
            CsvFileEncoding.Utf8Bom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
            CsvFileEncoding.Windows1252 => Encoding.GetEncoding(1252),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        };
    }

    public static CultureInfo CultureOf(ExchangeCsvProfile profile) =>
        string.IsNullOrWhiteSpace(profile.Culture) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(profile.Culture);

    /// <summary>Reads a whole file; a file that cannot be decoded or parsed returns a failure and no rows.</summary>
    public static ProfileReadResult Read(byte[] content, ExchangeCsvProfile profile, int maxRows = int.MaxValue)
    {
        var columns = profile.GetColumns();
        var filters = profile.GetFilters();
        var culture = CultureOf(profile);
        string text;
        try
        {
            text = EncodingOf(profile.Encoding).GetString(content);
        }
        catch (DecoderFallbackException exception)
        {
            return new ProfileReadResult([], [], 0, [],
                $"The file is not valid UTF-8 text (byte {exception.Index}). Save it as UTF-8 or set the profile's encoding to Windows-1252.");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var configuration = new CsvConfiguration(culture)
        {
            Delimiter = profile.Delimiter == "\\t" ? "\t" : profile.Delimiter,
            HasHeaderRecord = profile.HasHeader,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        var header = new List<string>();
        var rows = new List<ProfileRow>();
        var errors = new List<string>();
        var skipped = 0;
        try
        {
            using var reader = new StringReader(text);
            using var csv = new CsvReader(reader, configuration);
            if (profile.HasHeader)
            {
                if (!csv.Read())
                {
                    return new ProfileReadResult([], [], 0, [], "The file is empty.");
                }

                csv.ReadHeader();
                header.AddRange(csv.HeaderRecord ?? []);
                var missing = columns
                    .Where(c => !string.IsNullOrEmpty(c.Column) && !header.Contains(c.Column!, StringComparer.OrdinalIgnoreCase))
                    .Select(c => c.Column!)
                    .ToList();
                if (missing.Count > 0)
                {
                    return new ProfileReadResult(header, [], 0, [],
                        $"The header has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}. "
                        + $"Columns found: {string.Join(", ", header)}.");
                }
            }

            while (csv.Read() && rows.Count < maxRows)
            {
                var line = csv.Parser.RawRow;
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var mapping in columns)
                {
                    var raw = ReadCell(csv, header, mapping, profile.HasHeader) ?? mapping.Constant ?? string.Empty;
                    if (ApplyTransform(raw, mapping, culture) is { } transformed)
                    {
                        values[mapping.Field] = transformed;
                    }
                    else
                    {
                        errors.Add($"Line {line}: '{raw}' in {mapping.Field} cannot be transformed with {mapping.Transform} {mapping.Argument}.");
                        values[mapping.Field] = raw;
                    }
                }

                if (filters.All(f => Passes(f, values)))
                {
                    rows.Add(new ProfileRow(line, values));
                }
                else
                {
                    skipped++;
                }
            }
        }
        catch (CsvHelperException exception)
        {
            return new ProfileReadResult(header, [], 0, [], $"The file is not valid CSV: {exception.Message.Split('\n')[0]}");
        }

        return new ProfileReadResult(header, rows, skipped, errors, null);
    }

    /// <summary>
    /// Writes rows through the profile's columns. Text fields are always quoted, so SKUs and postcodes keep their
    /// leading zeros, and a text cell that starts with a formula character gets a leading apostrophe, so a
    /// spreadsheet shows it as text instead of running it.
    /// </summary>
    public static byte[] Write(
        ExchangeCsvProfile profile,
        IEnumerable<IReadOnlyDictionary<string, string>> rows,
        IReadOnlySet<string> textFields,
        out int rowCount)
    {
        var columns = profile.GetColumns();
        var filters = profile.GetFilters();
        var culture = CultureOf(profile);
        var configuration = new CsvConfiguration(culture)
        {
            Delimiter = profile.Delimiter == "\\t" ? "\t" : profile.Delimiter,
            ShouldQuote = _ => false,
            NewLine = "\r\n",
        };
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, EncodingOf(profile.Encoding), leaveOpen: true))
        using (var csv = new CsvWriter(writer, configuration))
        {
            if (profile.HasHeader)
            {
                foreach (var column in columns)
                {
                    csv.WriteField(Quote(GuardFormula(column.Column ?? column.Field)), shouldQuote: false);
                }

                csv.NextRecord();
            }

            rowCount = 0;
            foreach (var row in rows)
            {
                if (!filters.All(f => Passes(f, row)))
                {
                    continue;
                }

                foreach (var column in columns)
                {
                    var raw = row.GetValueOrDefault(column.Field) ?? column.Constant ?? string.Empty;
                    var value = ApplyTransform(raw, column, culture) ?? raw;
                    var isText = textFields.Contains(column.Field) || column.Transform != CsvTransform.None
                        || !row.ContainsKey(column.Field);
                    csv.WriteField(
                        isText ? Quote(GuardFormula(value)) : QuoteIfNeeded(value, configuration.Delimiter),
                        shouldQuote: false);
                }

                csv.NextRecord();
                rowCount++;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Prefixes an apostrophe to a value that a spreadsheet would read as a formula.</summary>
    public static string GuardFormula(string value) =>
        value.Length > 0 && FormulaLeads.Contains(value[0]) ? "'" + value : value;

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    private static string QuoteIfNeeded(string value, string delimiter) =>
        value.Contains(delimiter) || value.Contains('"') || value.Contains('\n') || value.Contains('\r')
            ? Quote(value)
            : value;

    private static string? ReadCell(CsvReader csv, List<string> header, CsvColumnMapping mapping, bool hasHeader)
    {
        if (string.IsNullOrEmpty(mapping.Column))
        {
            return null;
        }

        int index;
        if (hasHeader)
        {
            index = header.FindIndex(h => string.Equals(h, mapping.Column, StringComparison.OrdinalIgnoreCase));
        }
        else if (int.TryParse(mapping.Column, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            index = number - 1;
        }
        else
        {
            return null;
        }

        return index >= 0 && csv.TryGetField<string>(index, out var value) ? value : null;
    }

    /// <summary>Applies a mapping's transform; returns null when the value does not fit it.</summary>
    public static string? ApplyTransform(string value, CsvColumnMapping mapping, CultureInfo culture)
    {
        switch (mapping.Transform)
        {
            case CsvTransform.Trim:
                return value.Trim();
            case CsvTransform.Upper:
                return value.ToUpperInvariant();
            case CsvTransform.Lower:
                return value.ToLowerInvariant();
            case CsvTransform.PadLeftZeros:
                return int.TryParse(mapping.Argument, out var width) && width is > 0 and <= 64
                    ? value.Trim().PadLeft(width, '0')
                    : null;
            case CsvTransform.DateFormat:
                if (string.IsNullOrWhiteSpace(value))
                {
                    return value;
                }

                if (DateTime.TryParse(value, culture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                    || DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
                {
                    return date.ToString(string.IsNullOrWhiteSpace(mapping.Argument) ? "d" : mapping.Argument, culture);
                }

                return null;
            default:
                return value;
        }
    }

    private static bool Passes(CsvRowFilter filter, IReadOnlyDictionary<string, string> values)
    {
        var value = values.GetValueOrDefault(filter.Field) ?? string.Empty;
        var expected = filter.Value ?? string.Empty;
        return filter.Operator switch
        {
            CsvFilterOperator.Equals => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase),
            CsvFilterOperator.NotEquals => !string.Equals(value, expected, StringComparison.OrdinalIgnoreCase),
            CsvFilterOperator.Contains => value.Contains(expected, StringComparison.OrdinalIgnoreCase),
            CsvFilterOperator.NotEmpty => !string.IsNullOrWhiteSpace(value),
            _ => true,
        };
    }
}
