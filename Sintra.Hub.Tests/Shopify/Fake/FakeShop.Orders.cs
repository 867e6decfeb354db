namespace Sintra.Hub.Tests.Shopify.Fake;

public sealed partial class FakeShop
{
    /// <summary>
    /// Takes an order at a location as Shopify does for an item that stops selling at zero: the units move from
    /// available to committed and on hand stays the same. Returns false, and changes nothing, when fewer than
    /// <paramref name="quantity"/> units are available.
    /// </summary>
    public bool TakeOrder(string inventoryItemId, string locationId, int quantity)
    {
        lock (gate)
        {
            if (!levels.TryGetValue((inventoryItemId, locationId), out var level) || level.Available < quantity)
            {
                return false;
            }

            levels[(inventoryItemId, locationId)] = level with { Committed = level.Committed + quantity };
            return true;
        }
    }
}
