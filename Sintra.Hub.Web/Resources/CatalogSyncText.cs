namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the catalog sync texts (CatalogSyncText.resx in Italian, CatalogSyncText.en.resx).</summary>
public sealed class CatalogSyncText;
