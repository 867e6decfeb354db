namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of the order workflow and fulfillment texts (FulfillmentText.resx, FulfillmentText.it.resx).</summary>
public sealed class FulfillmentText;
