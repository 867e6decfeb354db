namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>Checks records one at a time and keeps the valid ones and the errors of the others.</summary>
internal sealed class StockRowChecker(StockImportProfile profile, StockImportCatalog catalog, DateTime countedAt)
{
    public const string QuantityField = "quantity";

    private readonly System.Globalization.CultureInfo culture = StockValueParser.ResolveCulture(profile.Culture);
    private readonly Dictionary<(Guid, Guid), int> firstLines = [];
    private readonly List<StockRowError> errors = [];

    public List<CheckedRow> ValidRows { get; } = [];

    public IReadOnlyList<StockRowError> SortedErrors() => errors.OrderBy(e => e.Line).ToList();

    public void Check(StockFileRow row)
    {
        var errorCount = errors.Count;
        var variant = CheckKey(row);
        var quantity = CheckQuantity(row);
        var warehouse = CheckWarehouse(row);
        var time = CheckCountedAt(row);
        if (errors.Count > errorCount || variant is null || quantity is null || warehouse is null)
        {
            return;
        }

        if (firstLines.TryGetValue((variant.Id, warehouse.Id), out var firstLine))
        {
            errors.Add(new StockRowError(
                row.Line, StockRowErrorCode.DuplicateKey, profile.KeyColumn, row.Key, row.Fields, firstLine));
            return;
        }

        firstLines[(variant.Id, warehouse.Id)] = row.Line;
        ValidRows.Add(new CheckedRow(row, variant.Id, variant.Sku, warehouse.Id, warehouse.Code, quantity.Value, time));
    }

    public void AddError(StockFileRow row, StockRowErrorCode code, string field, int value)
    {
        var column = field == QuantityField ? profile.QuantityColumn : field;
        errors.Add(new StockRowError(
            row.Line, code, column, value.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Fields));
    }

    private VariantMatch? CheckKey(StockFileRow row)
    {
        if (row.Key.Length == 0)
        {
            return Fail<VariantMatch>(row, StockRowErrorCode.KeyMissing, profile.KeyColumn, row.Key);
        }

        if (!catalog.Variants.TryGetValue(row.Key, out var match))
        {
            var code = profile.KeyKind == StockKeyKind.Sku ? StockRowErrorCode.UnknownSku : StockRowErrorCode.UnknownBarcode;
            return Fail<VariantMatch>(row, code, profile.KeyColumn, row.Key);
        }

        return match == VariantMatch.Ambiguous
            ? Fail<VariantMatch>(row, StockRowErrorCode.AmbiguousBarcode, profile.KeyColumn, row.Key)
            : match;
    }

    private int? CheckQuantity(StockFileRow row)
    {
        if (row.Quantity.Length == 0)
        {
            Fail(row, StockRowErrorCode.QuantityMissing, profile.QuantityColumn, row.Quantity);
            return null;
        }

        var number = StockValueParser.ParseNumber(row.Quantity, culture);
        StockRowErrorCode? problem = number switch
        {
            null => StockRowErrorCode.NotANumber,
            _ when number != decimal.Truncate(number.Value) => StockRowErrorCode.NotWholeNumber,
            < int.MinValue or > int.MaxValue => StockRowErrorCode.NotANumber,
            < 0 when profile.Mode == StockImportMode.FullCount => StockRowErrorCode.NegativeCount,
            _ => null,
        };
        if (problem is { } code)
        {
            Fail(row, code, profile.QuantityColumn, row.Quantity);
            return null;
        }

        return (int)number!.Value;
    }

    private Warehouse? CheckWarehouse(StockFileRow row)
    {
        if (profile.WarehouseColumn is null)
        {
            // Profiles without a warehouse column have a fixed warehouse. A deactivated one counts as unknown.
            return catalog.FixedWarehouse ?? Fail<Warehouse>(row, StockRowErrorCode.UnknownWarehouse, "-", null);
        }

        var code = row.WarehouseCode ?? string.Empty;
        if (code.Length == 0)
        {
            return Fail<Warehouse>(row, StockRowErrorCode.WarehouseMissing, profile.WarehouseColumn, code);
        }

        return catalog.Warehouses.GetValueOrDefault(code.ToUpperInvariant())
            ?? Fail<Warehouse>(row, StockRowErrorCode.UnknownWarehouse, profile.WarehouseColumn, code);
    }

    private DateTime? CheckCountedAt(StockFileRow row)
    {
        if (profile.Mode != StockImportMode.FullCount)
        {
            return null;
        }

        if (profile.CountedAtColumn is null || string.IsNullOrWhiteSpace(row.CountedAt))
        {
            return countedAt;
        }

        return StockValueParser.ParseTime(row.CountedAt, culture)
            ?? Fail(row, StockRowErrorCode.InvalidCountedAt, profile.CountedAtColumn, row.CountedAt);
    }

    private T? Fail<T>(StockFileRow row, StockRowErrorCode code, string column, string? value)
        where T : class
    {
        errors.Add(new StockRowError(row.Line, code, column, value, row.Fields));
        return null;
    }

    private DateTime? Fail(StockFileRow row, StockRowErrorCode code, string column, string? value)
    {
        errors.Add(new StockRowError(row.Line, code, column, value, row.Fields));
        return null;
    }
}

/// <summary>A record that passed every check, matched to its variant and warehouse.</summary>
internal sealed record CheckedRow(
    StockFileRow Row,
    Guid VariantId,
    string? Sku,
    Guid WarehouseId,
    string WarehouseCode,
    int Quantity,
    DateTime? CountedAt);
