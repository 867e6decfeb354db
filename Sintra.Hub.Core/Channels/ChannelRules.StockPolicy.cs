using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Channels;

/// <summary>Rules of the channel's stock policy: its sources, buffer and cap.</summary>
public static partial class ChannelRules
{
    /// <summary>
    /// Checks the stock policy: sources listed once each, the order warehouse among them when any are set, a buffer
    /// of zero or more and a cap that is empty or zero or more.
    /// </summary>
    public static void ValidateStockPolicy(ChannelInput input, List<FieldError> errors)
    {
        var sources = input.StockSourceIds;
        if (sources.Distinct().Count() != sources.Count)
        {
            errors.Add(new FieldError(nameof(ChannelInput.StockSourceIds), Errors.SourceDuplicate));
        }

        if (sources.Count > 0 && input.OrderWarehouseId is { } orderWarehouse && !sources.Contains(orderWarehouse))
        {
            errors.Add(new FieldError(nameof(ChannelInput.OrderWarehouseId), Errors.OrderWarehouseNotSource));
        }

        if (input.StockBuffer < 0)
        {
            errors.Add(new FieldError(nameof(ChannelInput.StockBuffer), Errors.BufferNegative));
        }

        if (input.StockCap < 0)
        {
            errors.Add(new FieldError(nameof(ChannelInput.StockCap), Errors.CapNegative));
        }
    }

    /// <summary>
    /// Copies buffer, cap and sources onto the channel. Existing source rows are kept and renumbered, so only
    /// warehouses taken out of the list are deleted. Priorities start at 1 in the order of the input.
    /// </summary>
    private static void ApplyStockPolicy(ChannelInput input, SalesChannel channel)
    {
        channel.StockBuffer = input.StockBuffer;
        channel.StockCap = input.StockCap;
        channel.StockSources.RemoveAll(s => !input.StockSourceIds.Contains(s.WarehouseId));
        for (var i = 0; i < input.StockSourceIds.Count; i++)
        {
            var warehouseId = input.StockSourceIds[i];
            var source = channel.StockSources.FirstOrDefault(s => s.WarehouseId == warehouseId);
            if (source is null)
            {
                source = new ChannelStockSource { ChannelId = channel.Id, WarehouseId = warehouseId };
                channel.StockSources.Add(source);
            }

            source.Priority = i + 1;
        }
    }
}
