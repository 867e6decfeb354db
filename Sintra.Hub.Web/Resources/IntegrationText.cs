namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the API key and webhook page texts (IntegrationText.resx, IntegrationText.it.resx).</summary>
public sealed class IntegrationText;
