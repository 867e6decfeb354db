using System.Text.Json;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Exchange;

/// <summary>
/// The CSV layout of a shipments-in or orders-out flow: dialect, column mappings with constants and
/// transformations, row filters and the file name pattern. Stock files keep their own stock import profile.
/// </summary>
public class ExchangeCsvProfile : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public CsvProfilePurpose Purpose { get; set; }

    /// <summary>Field delimiter: <c>;</c>, <c>,</c>, tab or <c>|</c>.</summary>
    public string Delimiter { get; set; } = ";";

    public CsvFileEncoding Encoding { get; set; } = CsvFileEncoding.Utf8;

    /// <summary>Culture name of numbers and dates, for example <c>it-IT</c>; empty for the invariant culture.</summary>
    public string Culture { get; set; } = "it-IT";

    public bool HasHeader { get; set; } = true;

    /// <summary>
    /// Inbound: a glob of the file names to take, for example <c>SPED_*.csv</c>. Outbound: the name of the
    /// written file, where <c>{date:yyyyMMdd}</c> and <c>{time:HHmmss}</c> are replaced by the UTC run time.
    /// </summary>
    public string FileNamePattern { get; set; } = "*.csv";

    /// <summary>Column mappings as JSON; use <see cref="GetColumns"/> and <see cref="SetColumns"/>.</summary>
    public string ColumnsJson { get; set; } = "[]";

    /// <summary>Row filters as JSON; use <see cref="GetFilters"/> and <see cref="SetFilters"/>.</summary>
    public string FiltersJson { get; set; } = "[]";

    public long Version { get; set; }

    public List<CsvColumnMapping> GetColumns() =>
        JsonSerializer.Deserialize<List<CsvColumnMapping>>(ColumnsJson) ?? [];

    public void SetColumns(IEnumerable<CsvColumnMapping> columns) => ColumnsJson = JsonSerializer.Serialize(columns.ToList());

    public List<CsvRowFilter> GetFilters() => JsonSerializer.Deserialize<List<CsvRowFilter>>(FiltersJson) ?? [];

    public void SetFilters(IEnumerable<CsvRowFilter> filters) => FiltersJson = JsonSerializer.Serialize(filters.ToList());
}

public enum CsvProfilePurpose
{
    ShipmentsIn,
    OrdersOut,
}

public enum CsvFileEncoding
{
    /// <summary>UTF-8 without a byte order mark; reading accepts one.</summary>
    Utf8,

    /// <summary>UTF-8 with a byte order mark, which Excel needs to open UTF-8 files correctly.</summary>
    Utf8Bom,

    /// <summary>Windows-1252 (Western European).</summary>
    Windows1252,
}

/// <summary>
/// A field of the flow and where its value comes from: the <see cref="Column"/> of the file (a header name, or a
/// 1-based number without a header) or, when the column is empty, the <see cref="Constant"/>.
/// </summary>
public sealed class CsvColumnMapping
{
    public string Field { get; set; } = string.Empty;

    public string? Column { get; set; }

    public string? Constant { get; set; }

    public CsvTransform Transform { get; set; }

    /// <summary>The transform's argument: the width for <see cref="CsvTransform.PadLeftZeros"/>, the .NET format for <see cref="CsvTransform.DateFormat"/>.</summary>
    public string? Argument { get; set; }
}

public enum CsvTransform
{
    None,
    Trim,
    Upper,
    Lower,
    PadLeftZeros,
    DateFormat,
}

/// <summary>A condition a row must meet to be read or written; rows failing any filter are skipped.</summary>
public sealed class CsvRowFilter
{
    /// <summary>A mapped field name.</summary>
    public string Field { get; set; } = string.Empty;

    public CsvFilterOperator Operator { get; set; }

    public string? Value { get; set; }
}

public enum CsvFilterOperator
{
    Equals,
    NotEquals,
    Contains,
    NotEmpty,
}
