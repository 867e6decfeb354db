namespace Sintra.Hub.Web.Components.Pages.Stock;

/// <summary>A warehouse offered as the destination of a transfer.</summary>
public sealed record WarehouseTarget(Guid Id, string Label);
