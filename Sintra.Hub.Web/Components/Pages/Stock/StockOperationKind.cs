namespace Sintra.Hub.Web.Components.Pages.Stock;

/// <summary>The manual operation a <see cref="StockOperationDialog"/> performs.</summary>
public enum StockOperationKind
{
    Adjust,
    Unavailable,
    Transfer,
}
