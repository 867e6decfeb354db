namespace Sintra.Hub.Core.Inventory;

/// <summary>Outcome of a manual stock operation.</summary>
public enum StockOutcome
{
    Done,

    /// <summary>The input broke a rule; <see cref="StockResult.Error"/> names it.</summary>
    Invalid,

    /// <summary>The variant, warehouse, level or order line does not exist.</summary>
    NotFound,

    /// <summary>The warehouse has too few units for the operation; nothing was written.</summary>
    InsufficientStock,
}

/// <summary>
/// Result of a stock operation: the outcome, an error code from <see cref="StockRules.Errors"/> when it failed, and
/// the movements added to the context when it succeeded.
/// </summary>
public sealed record StockResult(StockOutcome Outcome, string? Error, IReadOnlyList<InventoryMovement> Movements)
{
    public bool Succeeded => Outcome == StockOutcome.Done;

    public static StockResult Done(params InventoryMovement[] movements) => new(StockOutcome.Done, null, movements);

    public static StockResult Invalid(string error) => new(StockOutcome.Invalid, error, []);

    public static StockResult NotFound(string error) => new(StockOutcome.NotFound, error, []);

    public static StockResult Insufficient(string error) => new(StockOutcome.InsufficientStock, error, []);
}

/// <summary>Kinds of unavailable stock; each writes its own <see cref="MovementReason"/>.</summary>
public enum UnavailableKind
{
    Damaged,
    QualityControl,
    SafetyStock,
}

/// <summary>Input rules of manual stock operations and their error codes.</summary>
public static class StockRules
{
    /// <summary>Longest reason text stored on a movement.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Error codes in <see cref="StockResult.Error"/>, turned into messages by the UI.</summary>
    public static class Errors
    {
        public const string ReasonRequired = "ReasonRequired";
        public const string ReasonTooLong = "ReasonTooLong";
        public const string QuantityZero = "QuantityZero";
        public const string QuantityNotPositive = "QuantityNotPositive";
        public const string SameWarehouse = "SameWarehouse";
        public const string LevelNotFound = "LevelNotFound";
        public const string WarehouseNotFound = "WarehouseNotFound";
        public const string NegativeOnHand = "NegativeOnHand";
        public const string NotEnoughAvailable = "NotEnoughAvailable";
        public const string NotEnoughUnavailable = "NotEnoughUnavailable";
        public const string NotEnoughReserved = "NotEnoughReserved";
        public const string IssueNotFound = "IssueNotFound";
    }

    /// <summary>Returns the error code of a reason text, or null when it is acceptable.</summary>
    public static string? CheckReason(string? reason)
    {
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return Errors.ReasonRequired;
        }

        return text.Length > MaxReasonLength ? Errors.ReasonTooLong : null;
    }

    /// <summary>Returns the movement reason written for a kind of unavailable stock.</summary>
    public static MovementReason ReasonOf(UnavailableKind kind) => kind switch
    {
        UnavailableKind.Damaged => MovementReason.Damaged,
        UnavailableKind.QualityControl => MovementReason.QualityControl,
        _ => MovementReason.SafetyStock,
    };
}
