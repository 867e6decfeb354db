using System.Globalization;
using Microsoft.Extensions.Localization;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Inventory;

/// <summary>Turns file failures and row errors of a stock import into sentences in the user's language.</summary>
public sealed class StockImportMessages(IStringLocalizer<StockImportText> localizer)
{
    public string Describe(StockRowError error) =>
        localizer[$"RowError_{error.Code}", error.Column, error.Value ?? string.Empty, Number(error.OtherLine)];

    public string Describe(StockFileFailure failure) =>
        localizer[$"FileError_{failure.Code}", Number(failure.Line), failure.Detail ?? string.Empty];

    private static string Number(int? value) => value?.ToString(CultureInfo.CurrentCulture) ?? string.Empty;
}
