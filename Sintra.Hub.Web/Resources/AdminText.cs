namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the product, warehouse and channel page texts (AdminText.resx, AdminText.it.resx).</summary>
public sealed class AdminText;
