namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the returns texts (ReturnsText.resx in Italian, ReturnsText.en.resx in English).</summary>
public sealed class ReturnsText;
