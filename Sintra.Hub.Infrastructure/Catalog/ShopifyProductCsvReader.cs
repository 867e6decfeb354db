using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Catalog.Import;

namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>
/// Reads a Shopify product CSV, classic or 2025 layout, row by row. The file must be UTF-8 (a byte order mark is
/// allowed). A broken quote or bad quoting rejects the whole file, because the rows after it cannot be trusted.
/// </summary>
public sealed partial class ShopifyProductCsvReader(ILogger<ShopifyProductCsvReader> logger) : ICatalogFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public async Task<ImportedCatalog> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        BadDataFoundArgs? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            BadDataFound = args => badData ??= args,
        };
        using var parser = new CsvParser(text, configuration);
        var lastLine = 0;

        try
        {
            if (!await parser.ReadAsync() || parser.Record is not { } header)
            {
                return Reject(0, null, null, "The file is empty. Export the products from Shopify and upload that file.");
            }

            lastLine = parser.RawRow;
            var layout = ShopifyCsvLayout.Detect(header);
            if (layout is null && header is [var single] && single.Contains(';', StringComparison.Ordinal))
            {
                // Excel saves CSV with the system list separator, a semicolon under Italian regional settings.
                return Reject(1, null, null,
                    "The file separates columns with semicolons. Save it as CSV UTF-8 (comma delimited) and upload it "
                    + "again.");
            }

            if (layout is null)
            {
                return Reject(1, null, null,
                    "The header has no Handle or URL handle column. Upload a Shopify product CSV export or template.");
            }

            var builder = new ShopifyCatalogBuilder(layout);
            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var line = lastLine + 1;
                lastLine = parser.RawRow;

                if (CsvQuoteCheck.FindUnclosedQuote(parser.RawRecord, layout.FieldCount) is { } offset)
                {
                    return Reject(builder, line + offset, null,
                        "A quoted field opens here and is not closed, so the rows after it would be read as text. "
                        + "Add the closing quote (write a quote inside a field as two quotes).");
                }

                if (badData is { } bad)
                {
                    return Reject(builder, line, Shorten(bad.Field),
                        "A field has a quote in the wrong place. "
                        + "Quote the whole field and write a quote inside it as two quotes.");
                }

                builder.AddRow(line, parser.Record ?? []);
            }

            return builder.Build();
        }
        catch (DecoderFallbackException)
        {
            return Reject(lastLine + 1, null, null,
                "The file is not valid UTF-8. Save it as CSV UTF-8 and upload it again.");
        }
    }

    private ImportedCatalog Reject(int line, string? column, string? value, string message)
    {
        LogRejected(logger, line);
        return ImportedCatalog.Rejected(new ImportRowError(line, column, value, message));
    }

    /// <summary>
    /// Rejects the file at a quoting error but keeps the row errors found before it, so that they can be fixed in
    /// the same pass. No product is returned.
    /// </summary>
    private ImportedCatalog Reject(ShopifyCatalogBuilder builder, int line, string? value, string message)
    {
        LogRejected(logger, line);
        var error = new ImportRowError(line, null, value, message);
        return ImportedCatalog.Rejected(error) with { Errors = [.. builder.Build().Errors, error] };
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    [LoggerMessage(1001, LogLevel.Information, "Product CSV rejected at line {Line}")]
    private static partial void LogRejected(ILogger logger, int line);
}
