using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>
/// How to read one kind of stock file from a warehouse or ERP: its CSV dialect, its columns and what its quantities
/// mean. Without a header row, column names are 1-based column numbers.
/// </summary>
public class StockImportProfile : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Field delimiter: <c>;</c>, <c>,</c>, tab or <c>|</c>.</summary>
    public string Delimiter { get; set; } = ";";

    public StockFileEncoding Encoding { get; set; } = StockFileEncoding.Utf8;

    /// <summary>Culture name of the numbers and dates, for example <c>it-IT</c>; empty for the invariant culture.</summary>
    public string Culture { get; set; } = "it-IT";

    public bool HasHeader { get; set; } = true;

    public StockKeyKind KeyKind { get; set; } = StockKeyKind.Sku;

    public required string KeyColumn { get; set; }

    public required string QuantityColumn { get; set; }

    /// <summary>Column of the warehouse code; when null, every row goes to <see cref="WarehouseId"/>.</summary>
    public string? WarehouseColumn { get; set; }

    /// <summary>Column of the time each row was counted at; when null, the time entered at upload applies.</summary>
    public string? CountedAtColumn { get; set; }

    public Guid? WarehouseId { get; set; }

    public StockImportMode Mode { get; set; } = StockImportMode.FullCount;

    public long Version { get; set; }
}

/// <summary>Text encoding of a stock file.</summary>
public enum StockFileEncoding
{
    /// <summary>UTF-8, with or without a byte order mark; invalid bytes reject the file.</summary>
    Utf8,

    /// <summary>Windows-1252 (Western European), the default of Excel's plain CSV on Italian Windows.</summary>
    Windows1252,
}

/// <summary>The variant field that the key column matches, exactly and case-sensitively.</summary>
public enum StockKeyKind
{
    Sku,
    Barcode,
}

/// <summary>Meaning of a file's quantity.</summary>
public enum StockImportMode
{
    /// <summary>The quantity is a count of the on hand taken at a moment.</summary>
    FullCount,

    /// <summary>The quantity is added to the on hand (negative removes).</summary>
    Delta,
}
