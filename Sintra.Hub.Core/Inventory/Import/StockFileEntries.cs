namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>Reads a stock file row by row as a profile describes it, without loading the whole file.</summary>
public interface IStockFileReader
{
    /// <summary>
    /// Yields the header (when the profile has one), then one entry per physical record. A
    /// <see cref="StockFileFailure"/> ends the sequence, because the rows after it cannot be trusted.
    /// </summary>
    IAsyncEnumerable<StockFileEntry> ReadAsync(
        Stream content,
        StockImportProfile profile,
        CancellationToken cancellationToken);
}

/// <summary>One item that the reader found in a stock file.</summary>
public abstract record StockFileEntry;

/// <summary>The header row, with a byte order mark removed from the first name.</summary>
public sealed record StockFileHeader(IReadOnlyList<string> Names) : StockFileEntry;

/// <summary>
/// A data record: its physical line number, all its fields, and the profile's columns picked out of it (trimmed,
/// empty when the column is missing from the record).
/// </summary>
public sealed record StockFileRow(
    int Line,
    IReadOnlyList<string> Fields,
    string Key,
    string Quantity,
    string? WarehouseCode,
    string? CountedAt) : StockFileEntry;

/// <summary>An empty line or a line of bare delimiters, which the preview skips and counts.</summary>
public sealed record StockFileBlankRow(int Line) : StockFileEntry;

/// <summary>A problem that makes the rest of the file unreadable.</summary>
public sealed record StockFileFailure(int Line, StockFileErrorCode Code, string? Detail) : StockFileEntry;

public enum StockFileErrorCode
{
    /// <summary>The file has no header or no record.</summary>
    Empty,

    /// <summary>The bytes are not valid UTF-8; the file is probably Windows-1252.</summary>
    InvalidUtf8,

    /// <summary>The profile names Windows-1252, but the text is valid UTF-8 and would be read garbled.</summary>
    LooksLikeUtf8,

    /// <summary>A column of the profile is not in the header. The detail is the column name.</summary>
    MissingColumn,

    /// <summary>A quote is misplaced or never closed.</summary>
    BadQuote,
}
