using System.Text.Json.Nodes;

namespace Sintra.Hub.Tests.Shopify.Fake;

public sealed partial class FakeShop
{
    // A subset of the reasons the Admin API accepts for inventory mutations.
    private static readonly HashSet<string> ValidReasons =
    [
        "correction", "cycle_count_available", "damaged", "movement_created", "other", "promotion",
        "quality_control", "received", "restock", "safety_stock", "shrinkage",
    ];

    private readonly Dictionary<string, (string Fingerprint, JsonObject Data)> idempotentResults = [];
    private long nextGroupId = 1;

    /// <summary>Number of adjustment groups applied, which counts each mutation that changed quantities once.</summary>
    public int AppliedAdjustmentGroups { get; private set; }

    /// <summary>
    /// Runs <c>inventorySetQuantities</c>: validates every quantity first and applies none of them if any fails,
    /// and returns the stored result when the same idempotency key comes again with the same input.
    /// </summary>
    internal (JsonObject Data, string Outcome) SetQuantities(JsonObject variables, string idempotencyKey)
    {
        var input = variables["input"]!.AsObject();
        var fingerprint = input.ToJsonString();
        lock (gate)
        {
            if (idempotentResults.TryGetValue(idempotencyKey, out var stored))
            {
                return stored.Fingerprint == fingerprint
                    ? ((JsonObject)stored.Data.DeepClone(), "replayed")
                    : (Payload(null, [UserError("IDEMPOTENCY_KEY_PARAMETER_MISMATCH", ["input"],
                        "The same idempotency key cannot be used with different operation parameters.")]),
                        "user-errors");
            }

            var errors = Validate(input);
            var data = errors.Count > 0 ? Payload(null, errors) : Apply(input);
            idempotentResults[idempotencyKey] = (fingerprint, (JsonObject)data.DeepClone());
            return (data, errors.Count > 0 ? "user-errors" : "ok");
        }
    }

    private List<JsonObject> Validate(JsonObject input)
    {
        var errors = new List<JsonObject>();
        var name = input["name"]?.GetValue<string>();
        if (name is not ("on_hand" or "available"))
        {
            errors.Add(UserError("INVALID_NAME", ["input", "name"],
                "The quantity name must be either 'available' or 'on_hand'."));
        }

        if (!ValidReasons.Contains(input["reason"]?.GetValue<string>() ?? string.Empty))
        {
            errors.Add(UserError("INVALID_REASON", ["input", "reason"], "The specified reason is invalid."));
        }

        var reference = input["referenceDocumentUri"]?.GetValue<string>();
        if (reference is not null && !Uri.TryCreate(reference, UriKind.Absolute, out _))
        {
            errors.Add(UserError("INVALID_REFERENCE_DOCUMENT", ["input", "referenceDocumentUri"],
                "The specified reference document is invalid."));
        }

        var quantities = input["quantities"]!.AsArray();
        for (var index = 0; index < quantities.Count; index++)
        {
            if (ValidateQuantity(quantities[index]!.AsObject(), name, index) is { } error)
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    private JsonObject? ValidateQuantity(JsonObject quantity, string? name, int index)
    {
        string[] path = ["input", "quantities", $"{index}"];
        var item = quantity["inventoryItemId"]?.GetValue<string>() ?? string.Empty;
        var location = quantity["locationId"]?.GetValue<string>() ?? string.Empty;
        var value = quantity["quantity"]?.GetValue<int>() ?? 0;
        if (variants.All(variant => variant.InventoryItemId != item))
        {
            return UserError("INVALID_INVENTORY_ITEM", [.. path, "inventoryItemId"],
                "The specified inventory item could not be found.");
        }

        if (locations.All(candidate => candidate.Id != location))
        {
            return UserError("INVALID_LOCATION", [.. path, "locationId"], "The specified location could not be found.");
        }

        if (!levels.TryGetValue((item, location), out var level))
        {
            return UserError("ITEM_NOT_STOCKED_AT_LOCATION", [.. path, "locationId"],
                "The specified inventory item is not stocked at the location.");
        }

        if (value > 1_000_000_000)
        {
            return UserError("INVALID_QUANTITY_TOO_HIGH", [.. path, "quantity"],
                "The total quantity can't be higher than 1,000,000,000.");
        }

        // NOTE: 2026-04 documents that omitting changeFromQuantity is an error but not its code, so code is null.
        if (!quantity.ContainsKey("changeFromQuantity"))
        {
            return UserError(null, [.. path, "changeFromQuantity"], "changeFromQuantity is required.");
        }

        var current = name == "available" ? level.Available : level.OnHand;
        var expected = quantity["changeFromQuantity"]?.GetValue<int>();
        return expected is not null && expected != current
            ? UserError("CHANGE_FROM_QUANTITY_STALE", [.. path, "changeFromQuantity"],
                "The changeFromQuantity value does not match persisted value.")
            : null;
    }

    private JsonObject Apply(JsonObject input)
    {
        var name = input["name"]!.GetValue<string>();
        var changes = new JsonArray();
        foreach (var quantity in input["quantities"]!.AsArray().Select(node => node!.AsObject()))
        {
            var item = quantity["inventoryItemId"]!.GetValue<string>();
            var location = quantity["locationId"]!.GetValue<string>();
            var before = levels[(item, location)];
            var value = quantity["quantity"]!.GetValue<int>();
            var after = name == "on_hand"
                ? before with { OnHand = value }
                : before with { OnHand = value + before.Committed };
            levels[(item, location)] = after;
            AddChange(changes, "on_hand", after.OnHand - before.OnHand, after.OnHand, item, location);
            AddChange(changes, "available", after.Available - before.Available, after.Available, item, location);
        }

        AppliedAdjustmentGroups++;
        var group = new JsonObject
        {
            ["id"] = $"gid://shopify/InventoryAdjustmentGroup/{nextGroupId++}",
            ["changes"] = changes,
        };
        return Payload(group, []);
    }

    private static void AddChange(JsonArray changes, string name, int delta, int after, string item, string location)
    {
        if (delta == 0)
        {
            return;
        }

        changes.Add(new JsonObject
        {
            ["name"] = name,
            ["delta"] = delta,
            ["quantityAfterChange"] = after,
            ["item"] = new JsonObject { ["id"] = item },
            ["location"] = new JsonObject { ["id"] = location },
        });
    }

    private static JsonObject Payload(JsonObject? group, List<JsonObject> errors) => new()
    {
        ["inventorySetQuantities"] = new JsonObject
        {
            ["inventoryAdjustmentGroup"] = group,
            ["userErrors"] = new JsonArray([.. errors]),
        },
    };

    private static JsonObject UserError(string? code, string[] field, string message) => new()
    {
        ["code"] = code,
        ["field"] = new JsonArray([.. field.Select(part => (JsonNode)part)]),
        ["message"] = message,
    };
}
