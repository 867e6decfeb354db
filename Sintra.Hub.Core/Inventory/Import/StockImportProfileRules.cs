using System.Globalization;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>Rules of an import profile that need no database.</summary>
public static class StockImportProfileRules
{
    /// <summary>Delimiters a profile may use: semicolon, comma, tab and pipe.</summary>
    public static readonly IReadOnlyList<string> Delimiters = [";", ",", "\t", "|"];

    /// <summary>Error codes in <see cref="SaveResult.Errors"/>; the page turns them into localized messages.</summary>
    public static class Errors
    {
        public const string NameRequired = "NameRequired";
        public const string NameTooLong = "NameTooLong";
        public const string NameTaken = "NameTaken";
        public const string DelimiterInvalid = "DelimiterInvalid";
        public const string CultureUnknown = "CultureUnknown";
        public const string ColumnRequired = "ColumnRequired";
        public const string ColumnTooLong = "ColumnTooLong";
        public const string ColumnNumberInvalid = "ColumnNumberInvalid";
        public const string ColumnRepeated = "ColumnRepeated";
        public const string WarehouseRequired = "WarehouseRequired";
        public const string WarehouseUnknown = "WarehouseUnknown";
    }

    /// <summary>Trims the text fields and turns blank optional columns into null.</summary>
    public static void Normalize(StockImportProfile input)
    {
        input.Name = (input.Name ?? string.Empty).Trim();
        input.Culture = (input.Culture ?? string.Empty).Trim();
        input.KeyColumn = (input.KeyColumn ?? string.Empty).Trim();
        input.QuantityColumn = (input.QuantityColumn ?? string.Empty).Trim();
        input.WarehouseColumn = string.IsNullOrWhiteSpace(input.WarehouseColumn) ? null : input.WarehouseColumn.Trim();
        input.CountedAtColumn = string.IsNullOrWhiteSpace(input.CountedAtColumn) ? null : input.CountedAtColumn.Trim();
    }

    /// <summary>Checks a normalized profile.</summary>
    public static IReadOnlyList<FieldError> Validate(StockImportProfile input)
    {
        var errors = new List<FieldError>();
        if (input.Name.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.Name), Errors.NameRequired));
        }
        else if (input.Name.Length > 100)
        {
            errors.Add(new FieldError(nameof(input.Name), Errors.NameTooLong));
        }

        if (!Delimiters.Contains(input.Delimiter))
        {
            errors.Add(new FieldError(nameof(input.Delimiter), Errors.DelimiterInvalid));
        }

        if (input.Culture.Length > 0 && !IsKnownCulture(input.Culture))
        {
            errors.Add(new FieldError(nameof(input.Culture), Errors.CultureUnknown));
        }

        CheckColumn(errors, input, nameof(input.KeyColumn), input.KeyColumn, required: true);
        CheckColumn(errors, input, nameof(input.QuantityColumn), input.QuantityColumn, required: true);
        CheckColumn(errors, input, nameof(input.WarehouseColumn), input.WarehouseColumn, required: false);
        CheckColumn(errors, input, nameof(input.CountedAtColumn), input.CountedAtColumn, required: false);

        var columns = new[] { input.KeyColumn, input.QuantityColumn, input.WarehouseColumn, input.CountedAtColumn }
            .Where(c => !string.IsNullOrEmpty(c))
            .ToList();
        if (columns.Count != columns.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            errors.Add(new FieldError(nameof(input.QuantityColumn), Errors.ColumnRepeated));
        }

        if (input.WarehouseColumn is null && input.WarehouseId is null)
        {
            errors.Add(new FieldError(nameof(input.WarehouseId), Errors.WarehouseRequired));
        }

        return errors;
    }

    private static void CheckColumn(List<FieldError> errors, StockImportProfile input, string field, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, Errors.ColumnRequired));
            }

            return;
        }

        if (value.Length > 100)
        {
            errors.Add(new FieldError(field, Errors.ColumnTooLong));
        }
        else if (!input.HasHeader && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1))
        {
            errors.Add(new FieldError(field, Errors.ColumnNumberInvalid));
        }
    }

    private static bool IsKnownCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
