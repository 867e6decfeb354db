using Microsoft.Extensions.Localization;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Components.Pages.Exchange;

/// <summary>The broken rules of the last save of an exchange form, as localized messages per field.</summary>
public sealed class ExchangeErrors(IStringLocalizer<ExchangeText> localizer)
{
    private IReadOnlyList<FieldError> errors = [];

    public void Set(IReadOnlyList<FieldError> value) => errors = value;

    public void Clear() => errors = [];

    public bool Has(string field) => errors.Any(e => e.Field == field);

    /// <summary>Returns the messages of one field joined by spaces, or null when the field broke no rule.</summary>
    public string? For(string field)
    {
        var messages = errors.Where(e => e.Field == field).Select(e => localizer[$"Error_{e.Code}"].Value).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
