namespace Sintra.Hub.Core.Catalog;

/// <summary>Checks whether a product has every attribute and translation a channel requires.</summary>
public interface ICatalogCompleteness
{
    /// <summary>Returns true when the product is complete for the channel in the channel's locale.</summary>
    Task<bool> IsCompleteAsync(Guid productId, Guid channelId, CancellationToken cancellationToken);
}
