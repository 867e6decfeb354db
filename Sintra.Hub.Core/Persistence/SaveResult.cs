namespace Sintra.Hub.Core.Persistence;

/// <summary>Outcome of a save from a settings form.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>The input broke one or more rules, listed in <see cref="SaveResult.Errors"/>.</summary>
    Invalid,

    /// <summary>Someone else changed the row after the form read it, so the form must reload it.</summary>
    Conflict,

    NotFound,
}

/// <summary>A rule that an input field broke, as a stable code that the UI turns into a localized message.</summary>
public sealed record FieldError(string Field, string Code);

/// <summary>Result of a save: the outcome, the saved row's id and new version, and the broken rules.</summary>
public sealed record SaveResult(SaveOutcome Outcome, Guid? Id, long? Version, IReadOnlyList<FieldError> Errors)
{
    public static SaveResult Saved(Guid id, long version) => new(SaveOutcome.Saved, id, version, []);

    public static SaveResult Invalid(IReadOnlyList<FieldError> errors) => new(SaveOutcome.Invalid, null, null, errors);

    public static SaveResult Conflict { get; } = new(SaveOutcome.Conflict, null, null, []);

    public static SaveResult NotFound { get; } = new(SaveOutcome.NotFound, null, null, []);
}
