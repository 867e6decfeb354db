namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the asset library's texts in <c>DamText.resx</c> and its translations.</summary>
public sealed class DamText;
