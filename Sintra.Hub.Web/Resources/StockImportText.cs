namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the stock import pages' texts in <c>StockImportText.resx</c> and its translations.</summary>
public sealed class StockImportText;
