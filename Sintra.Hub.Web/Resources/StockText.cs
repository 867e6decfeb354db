namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the stock pages' and dialogs' texts in <c>StockText.resx</c> and its translations.</summary>
public sealed class StockText;
