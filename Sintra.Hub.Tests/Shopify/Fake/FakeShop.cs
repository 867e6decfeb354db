using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sintra.Hub.Tests.Shopify.Fake;

public sealed record FakeLocation(string Id, string Name, bool IsActive);

public sealed record FakeVariant(string Id, string Sku, string InventoryItemId);

/// <summary>Quantities of an item at a location. Available is on hand minus committed.</summary>
public sealed record FakeLevel(int OnHand, int Committed)
{
    public int Available => OnHand - Committed;
}

/// <summary>
/// In-memory shop data behind <see cref="FakeShopifyServer"/>: locations, variants and inventory levels.
/// </summary>
public sealed partial class FakeShop
{
    private readonly Lock gate = new();
    private readonly List<FakeLocation> locations = [];
    private readonly List<FakeVariant> variants = [];
    private readonly Dictionary<(string Item, string Location), FakeLevel> levels = [];
    private long nextId = 1000;

    public FakeLocation AddLocation(string name, bool isActive = true)
    {
        lock (gate)
        {
            var location = new FakeLocation($"gid://shopify/Location/{nextId++}", name, isActive);
            locations.Add(location);
            return location;
        }
    }

    public FakeVariant AddVariant(string sku)
    {
        lock (gate)
        {
            var id = nextId++;
            var variant = new FakeVariant(
                $"gid://shopify/ProductVariant/{id}", sku, $"gid://shopify/InventoryItem/{id}");
            variants.Add(variant);
            return variant;
        }
    }

    /// <summary>Stocks an item at a location with the given quantities, replacing any earlier level.</summary>
    public void SetLevel(string inventoryItemId, string locationId, int onHand, int committed = 0)
    {
        lock (gate)
        {
            levels[(inventoryItemId, locationId)] = new FakeLevel(onHand, committed);
        }
    }

    public FakeVariant? FindVariant(string sku)
    {
        lock (gate)
        {
            return variants.FirstOrDefault(variant => variant.Sku == sku);
        }
    }

    public FakeLevel? GetLevel(string inventoryItemId, string locationId)
    {
        lock (gate)
        {
            return levels.GetValueOrDefault((inventoryItemId, locationId));
        }
    }

    internal (JsonObject Data, double ActualCost) GetLocations(JsonObject variables)
    {
        lock (gate)
        {
            var page = Page(locations, variables);
            var nodes = page.Items.Select(location => new JsonObject
            {
                ["id"] = location.Id,
                ["name"] = location.Name,
                ["isActive"] = location.IsActive,
            });
            return (new JsonObject { ["locations"] = Connection(nodes, page.HasNext, page.EndCursor) },
                2 + page.Items.Count);
        }
    }

    /// <summary>
    /// Searches variants like Shopify's search: case-insensitive and loose about leading zeros, so that
    /// only a client that filters exactly gets exact SKUs.
    /// </summary>
    internal (JsonObject Data, double ActualCost) FindVariants(JsonObject variables)
    {
        var terms = ParseSkuTerms(variables["query"]?.GetValue<string>() ?? string.Empty);
        lock (gate)
        {
            var matches = variants.Where(variant => terms.Any(term => LooseEquals(term, variant.Sku))).ToList();
            var page = Page(matches, variables);
            var nodes = page.Items.Select(variant => new JsonObject
            {
                ["id"] = variant.Id,
                ["sku"] = variant.Sku,
                ["inventoryItem"] = new JsonObject { ["id"] = variant.InventoryItemId },
            });
            return (new JsonObject { ["productVariants"] = Connection(nodes, page.HasNext, page.EndCursor) },
                2 + (2 * page.Items.Count));
        }
    }

    internal (JsonObject Data, double ActualCost) GetInventoryLevels(JsonObject variables)
    {
        var ids = variables["ids"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        var locationId = variables["locationId"]!.GetValue<string>();
        lock (gate)
        {
            var nodes = new JsonArray();
            foreach (var id in ids)
            {
                if (variants.All(variant => variant.InventoryItemId != id))
                {
                    nodes.Add(null);
                    continue;
                }

                var level = levels.GetValueOrDefault((id, locationId));
                nodes.Add(new JsonObject { ["id"] = id, ["inventoryLevel"] = level is null ? null : LevelNode(level) });
            }

            return (new JsonObject { ["nodes"] = nodes }, 2 * ids.Count);
        }
    }

    private static JsonObject LevelNode(FakeLevel level) => new()
    {
        ["quantities"] = new JsonArray(
            Quantity("on_hand", level.OnHand), Quantity("available", level.Available),
            Quantity("committed", level.Committed)),
    };

    private static JsonObject Quantity(string name, int quantity) => new() { ["name"] = name, ["quantity"] = quantity };

    private static (List<T> Items, bool HasNext, string? EndCursor) Page<T>(List<T> all, JsonObject variables)
    {
        var first = variables["first"]?.GetValue<int>() ?? 50;
        var after = variables["after"]?.GetValue<string>();
        var start = after is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(after)));
        var items = all.Skip(start).Take(first).ToList();
        var end = start + items.Count;
        var endCursor = items.Count == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{end}"));
        return (items, end < all.Count, endCursor);
    }

    private static JsonObject Connection(IEnumerable<JsonObject> nodes, bool hasNext, string? endCursor) => new()
    {
        ["nodes"] = new JsonArray([.. nodes]),
        ["pageInfo"] = new JsonObject { ["hasNextPage"] = hasNext, ["endCursor"] = endCursor },
    };

    private static List<string> ParseSkuTerms(string query) =>
        SkuTerm().Matches(query)
            .Select(match => match.Groups["quoted"].Success
                ? Regex.Replace(match.Groups["quoted"].Value, @"\\(.)", "$1")
                : match.Groups["bare"].Value)
            .ToList();

    private static bool LooseEquals(string term, string sku) =>
        string.Equals(term.TrimStart('0'), sku.TrimStart('0'), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""sku:(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<bare>[^\s"]+))""")]
    private static partial Regex SkuTerm();
}
