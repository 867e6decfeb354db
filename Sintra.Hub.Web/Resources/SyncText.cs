namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the stock push texts (SyncText.resx, SyncText.it.resx).</summary>
public sealed class SyncText;
