namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>
/// What applying a stock file would do: one row per valid record, the errors of the others, and the counts.
/// Rows with errors block the apply, because the import is all-or-nothing.
/// </summary>
public sealed record StockImportPreview(
    StockImportMode Mode,
    IReadOnlyList<string> Header,
    IReadOnlyList<StockPreviewRow> Rows,
    IReadOnlyList<StockRowError> Errors,
    StockFileFailure? FileFailure,
    int DataRowCount,
    int BlankRowCount)
{
    /// <summary>Number of distinct lines with at least one error.</summary>
    public int ErrorRowCount => Errors.Select(e => e.Line).Distinct().Count();

    public int ChangedCount => Rows.Count(r => r.Change != 0);

    public bool CanApply => FileFailure is null && Errors.Count == 0 && Rows.Count > 0;
}

/// <summary>
/// One valid record: the file's value, the hub's on hand and reserved now, the on-hand change recorded since the
/// count (full count only), and the on hand after applying.
/// </summary>
public sealed record StockPreviewRow(
    int Line,
    string Key,
    Guid VariantId,
    string? Sku,
    Guid WarehouseId,
    string WarehouseCode,
    int FileQuantity,
    DateTime? CountedAt,
    int OnHand,
    int Reserved,
    int ChangeSinceCount,
    int TargetOnHand)
{
    public int Change => TargetOnHand - OnHand;
}

/// <summary>
/// A problem with one record: its physical line, the column and value at fault, and the record's fields for the
/// failed-rows file. <paramref name="OtherLine"/> is the first line of a duplicate key.
/// </summary>
public sealed record StockRowError(
    int Line,
    StockRowErrorCode Code,
    string Column,
    string? Value,
    IReadOnlyList<string> Fields,
    int? OtherLine = null);

public enum StockRowErrorCode
{
    KeyMissing,
    UnknownSku,
    UnknownBarcode,
    AmbiguousBarcode,
    QuantityMissing,
    NotANumber,
    NotWholeNumber,
    NegativeCount,
    WarehouseMissing,
    UnknownWarehouse,
    InvalidCountedAt,
    DuplicateKey,

    /// <summary>Count plus the change since the count, or on hand plus a delta, is below zero.</summary>
    BelowZero,
}
