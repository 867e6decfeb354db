namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the catalog editing pages' texts in <c>PimText.resx</c> (Italian) and <c>PimText.en.resx</c>.</summary>
public sealed class PimText;
