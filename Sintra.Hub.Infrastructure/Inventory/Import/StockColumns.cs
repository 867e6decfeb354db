using System.Globalization;
using Sintra.Hub.Core.Inventory.Import;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

/// <summary>Zero-based positions of a profile's columns in a record; -1 for a column the profile does not use.</summary>
internal sealed record StockColumns(int Key, int Quantity, int Warehouse, int CountedAt)
{
    public static StockColumns ByNumber(StockImportProfile profile) => new(
        Number(profile.KeyColumn),
        Number(profile.QuantityColumn),
        Number(profile.WarehouseColumn),
        Number(profile.CountedAtColumn));

    public static StockColumns ByName(StockImportProfile profile, IReadOnlyList<string> header) => new(
        Find(header, profile.KeyColumn),
        Find(header, profile.QuantityColumn),
        Find(header, profile.WarehouseColumn),
        Find(header, profile.CountedAtColumn));

    /// <summary>Returns the first column of the profile that the header lacks, or null.</summary>
    public static string? FindMissing(StockImportProfile profile, IReadOnlyList<string> header) =>
        new[] { profile.KeyColumn, profile.QuantityColumn, profile.WarehouseColumn, profile.CountedAtColumn }
            .FirstOrDefault(c => c is not null && Find(header, c) < 0);

    public StockFileRow ToRow(int line, string[] fields) => new(
        line,
        fields,
        Cell(fields, Key) ?? string.Empty,
        Cell(fields, Quantity) ?? string.Empty,
        Warehouse < 0 ? null : Cell(fields, Warehouse) ?? string.Empty,
        CountedAt < 0 ? null : Cell(fields, CountedAt));

    private static string? Cell(string[] fields, int index) =>
        index >= 0 && index < fields.Length ? fields[index].Trim() : null;

    private static int Number(string? column) =>
        column is null ? -1 : int.Parse(column, NumberStyles.None, CultureInfo.InvariantCulture) - 1;

    // Header names match case-insensitively, because ERP exports change the case of headers between versions.
    private static int Find(IReadOnlyList<string> header, string? column)
    {
        if (column is null)
        {
            return -1;
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
