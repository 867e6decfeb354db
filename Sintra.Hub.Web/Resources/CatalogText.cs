namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the catalog pages' texts in <c>CatalogText.resx</c> and its translations.</summary>
public sealed class CatalogText;
