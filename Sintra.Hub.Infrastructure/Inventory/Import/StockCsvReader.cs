using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Sintra.Hub.Core.Inventory.Import;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

/// <summary>
/// Reads a stock CSV with CsvHelper, one record at a time, in the profile's delimiter and encoding. UTF-8 is read
/// strictly, so a Windows-1252 file fails with <see cref="StockFileErrorCode.InvalidUtf8"/> instead of being
/// mangled. Line numbers are physical lines, counting the header.
/// </summary>
public sealed class StockCsvReader : IStockFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static StockCsvReader()
    {
        // Windows-1252 is not built into .NET, so the provider adds the legacy code pages.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StockFileEntry> ReadAsync(
        Stream content,
        StockImportProfile profile,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A UTF-8 byte order mark settles the encoding, whatever the profile names.
        var windows1252 = profile.Encoding == StockFileEncoding.Windows1252 && !StartsWithUtf8Bom(content);
        var encoding = windows1252 ? Encoding.GetEncoding(1252) : StrictUtf8;
        using var text = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        BadDataFoundArgs? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = profile.Delimiter,
            IgnoreBlankLines = false,
            DetectDelimiter = false,
            BadDataFound = args => badData ??= args,
        };
        using var parser = new CsvParser(text, configuration);
        StockColumns? columns = profile.HasHeader ? null : StockColumns.ByNumber(profile);
        var lastLine = 0;

        while (true)
        {
            var read = await TryReadAsync(parser);
            if (read is null)
            {
                yield return new StockFileFailure(lastLine + 1, StockFileErrorCode.InvalidUtf8, null);
                yield break;
            }

            if (!read.Value)
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var line = lastLine + 1;
            lastLine = parser.RawRow;
            var fields = parser.Record ?? [];
            if (badData is not null)
            {
                yield return new StockFileFailure(line, StockFileErrorCode.BadQuote, null);
                yield break;
            }

            if (windows1252 && fields.Any(LooksLikeUtf8))
            {
                yield return new StockFileFailure(line, StockFileErrorCode.LooksLikeUtf8, null);
                yield break;
            }

            if (line == 1 && fields.Length > 0)
            {
                fields[0] = fields[0].TrimStart('\uFEFF');
            }

            if (columns is null)
            {
                var header = fields.Select(f => f.Trim()).ToArray();
                yield return new StockFileHeader(header);
                var missing = StockColumns.FindMissing(profile, header);
                if (missing is not null)
                {
                    yield return new StockFileFailure(line, StockFileErrorCode.MissingColumn, missing);
                    yield break;
                }

                columns = StockColumns.ByName(profile, header);
                continue;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                yield return new StockFileBlankRow(line);
                continue;
            }

            yield return columns.ToRow(line, fields);
        }
    }

    // Reads the first three bytes and moves back, so the decoder still reads the mark and the header drops it.
    private static bool StartsWithUtf8Bom(Stream content)
    {
        if (!content.CanSeek)
        {
            return false;
        }

        var start = content.Position;
        Span<byte> head = stackalloc byte[3];
        var read = content.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        content.Position = start;
        return read == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
    }

    // Text decoded as Windows-1252 whose bytes are valid multi-byte UTF-8 (Caffè read as CaffÃ¨) came from a UTF-8
    // file. Real Windows-1252 accents such as è (0xE8 alone) are invalid UTF-8, so they do not match.
    private static bool LooksLikeUtf8(string field)
    {
        if (field.All(char.IsAscii))
        {
            return false;
        }

        try
        {
            StrictUtf8.GetString(Encoding.GetEncoding(1252).GetBytes(field));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    // Returns null when the bytes are not valid in the file's encoding.
    private static async Task<bool?> TryReadAsync(CsvParser parser)
    {
        try
        {
            return await parser.ReadAsync();
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
