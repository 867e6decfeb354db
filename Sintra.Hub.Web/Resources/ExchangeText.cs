namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the file exchange and jobs pages' texts in <c>ExchangeText.resx</c> and its translations.</summary>
public sealed class ExchangeText;
