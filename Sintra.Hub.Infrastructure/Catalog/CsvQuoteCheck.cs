namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>
/// Finds a quote that opens a field and does not close it where the field should end. A CSV parser reads such a
/// field up to the next quote or the end of the file, so the rows after it would become part of a description.
/// </summary>
internal static class CsvQuoteCheck
{
    /// <summary>
    /// Returns how many lines after the record's first line the broken quote opened, or null when every quoted
    /// field of the raw record closes. A quoted field is broken when it runs to the end of the file, or when it
    /// spans a whole line with as many commas as a row has (a row swallowed into the field).
    /// </summary>
    public static int? FindUnclosedQuote(string rawRecord, int fieldCount)
    {
        var fieldStart = true;
        var quoteOpenedAt = -1;

        for (var i = 0; i < rawRecord.Length; i++)
        {
            var c = rawRecord[i];
            if (quoteOpenedAt >= 0)
            {
                if (c == '"' && i + 1 < rawRecord.Length && rawRecord[i + 1] == '"')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoteOpenedAt = -1;
                    fieldStart = false;
                }
                else if (c == '\n' && fieldCount >= 3 && LooksLikeRow(rawRecord, i + 1, fieldCount))
                {
                    return LineOffset(rawRecord, quoteOpenedAt);
                }

                continue;
            }

            if (c == '"' && fieldStart)
            {
                quoteOpenedAt = i;
            }

            fieldStart = c is ',' or '\n';
        }

        return quoteOpenedAt >= 0 ? LineOffset(rawRecord, quoteOpenedAt) : null;
    }

    private static bool LooksLikeRow(string text, int start, int fieldCount)
    {
        // Only the part of the line inside the quoted field counts: after the closing quote the line goes on
        // with the record's own remaining fields.
        var commas = 0;
        for (var i = start; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                break;
            }

            commas += text[i] == ',' ? 1 : 0;
        }

        return commas >= fieldCount - 1;
    }

    private static int LineOffset(string text, int position) => text.AsSpan(0, position).Count('\n');
}
