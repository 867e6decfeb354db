using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sintra.Hub.Tests.Shopify.Fake;

/// <summary>A product of the fake shop with its variants, media and registered translations.</summary>
public sealed class FakeProduct
{
    public required string Id { get; init; }

    public required string Handle { get; set; }

    public string Title { get; set; } = string.Empty;

    public string DescriptionHtml { get; set; } = string.Empty;

    public string? Vendor { get; set; }

    public string? ProductType { get; set; }

    public List<string> Tags { get; set; } = [];

    public string Status { get; set; } = "ACTIVE";

    public List<(string Name, List<string> Values)> Options { get; set; } = [];

    public List<FakeProductVariant> Variants { get; set; } = [];

    public List<FakeMedia> Media { get; set; } = [];

    /// <summary>Registered translations by (locale, key), with the digest of the content each one translates.</summary>
    public Dictionary<(string Locale, string Key), (string Value, string Digest)> Translations { get; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FakeProductVariant
{
    public required string Id { get; init; }

    public required string InventoryItemId { get; init; }

    public string? Sku { get; set; }

    public string? Barcode { get; set; }

    public decimal Price { get; set; }

    public decimal? CompareAtPrice { get; set; }

    public List<(string OptionName, string Name)> OptionValues { get; set; } = [];
}

/// <summary>An image Shopify downloaded from <see cref="Source"/>.</summary>
public sealed record FakeMedia(string Id, string Source, string? Alt);

/// <summary>
/// Products, translations and media of the fake shop: <c>productSet</c>, <c>productVariantsBulkUpdate</c>,
/// <c>productUpdate</c>, <c>translatableResource</c> and <c>translationsRegister</c>, with the user errors of the
/// real API for the cases the hub meets.
/// NOTE: the user error codes follow the names of the Admin API's error enums and were not checked against a shop.
/// </summary>
public sealed partial class FakeShop
{
    private readonly List<FakeProduct> products = [];
    private readonly List<string> downloadedSources = [];

    /// <summary>The shop's primary locale. A translation names the digest of the content in this locale.</summary>
    public string PrimaryLocale { get; set; } = "it";

    /// <summary>Locales the shop publishes besides the primary one; translations into others are rejected.</summary>
    public HashSet<string> AlternateLocales { get; } = ["en"];

    /// <summary>The URLs of every image downloaded, one entry per download.</summary>
    public IReadOnlyList<string> DownloadedSources
    {
        get
        {
            lock (gate)
            {
                return [.. downloadedSources];
            }
        }
    }

    public IReadOnlyList<FakeProduct> Products
    {
        get
        {
            lock (gate)
            {
                return [.. products];
            }
        }
    }

    public FakeProduct? FindProduct(string id)
    {
        lock (gate)
        {
            return products.Find(p => p.Id == id);
        }
    }

    /// <summary>The SHA-256 digest Shopify gives translatable content, as lower-case hex.</summary>
    public static string Digest(string? value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value ?? string.Empty)));

    /// <summary>Builds the body of the <c>products/update</c> webhook Shopify sends for the product's current state.</summary>
    public string ProductWebhookBody(string productId)
    {
        lock (gate)
        {
            var product = products.Single(p => p.Id == productId);
            return new JsonObject
            {
                ["id"] = NumericId(product.Id)!.Value,
                ["admin_graphql_api_id"] = product.Id,
                ["title"] = product.Title,
                ["body_html"] = product.DescriptionHtml,
                ["handle"] = product.Handle,
                ["tags"] = string.Join(", ", product.Tags),
                ["status"] = product.Status.ToLowerInvariant(),
                ["updated_at"] = product.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["variants"] = new JsonArray([.. product.Variants.Select(variant => (JsonNode)new JsonObject
                {
                    ["id"] = NumericId(variant.Id)!.Value,
                    ["admin_graphql_api_id"] = variant.Id,
                    ["sku"] = variant.Sku,
                    ["price"] = Money(variant.Price),
                    ["compare_at_price"] = variant.CompareAtPrice is { } compareAt ? Money(compareAt) : null,
                })]),
            }.ToJsonString();
        }
    }

    /// <summary>Changes a product as staff would in the Shopify admin.</summary>
    public void EditProduct(string productId, Action<FakeProduct> edit, DateTimeOffset updatedAt)
    {
        lock (gate)
        {
            var product = products.Single(p => p.Id == productId);
            edit(product);
            product.UpdatedAt = updatedAt;
        }
    }

    internal (JsonObject Data, double ActualCost, string Outcome) SetProduct(JsonObject variables, DateTimeOffset now)
    {
        var input = variables["input"]!.AsObject();
        var identifier = variables["identifier"] as JsonObject;
        lock (gate)
        {
            var product = FindTarget(identifier);
            if (identifier?["id"] is not null && product is null)
            {
                return (ProductSetPayload(null, [UserError("PRODUCT_DOES_NOT_EXIST", ["identifier", "id"],
                    "Product does not exist")]), 10, "user-errors");
            }

            var errors = ValidateProductSet(input, product);
            if (errors.Count > 0)
            {
                return (ProductSetPayload(null, errors), 10, "user-errors");
            }

            if (product is null)
            {
                product = new FakeProduct { Id = $"gid://shopify/Product/{nextId++}", Handle = Text(input, "handle") ?? string.Empty };
                products.Add(product);
            }

            ApplyProductSet(product, input);
            product.UpdatedAt = now;
            return (ProductSetPayload(product, []), 10 + product.Variants.Count + product.Media.Count, "ok");
        }
    }

    internal (JsonObject Data, string Outcome) UpdateVariantPrices(JsonObject variables, DateTimeOffset now)
    {
        var productId = variables["productId"]!.GetValue<string>();
        lock (gate)
        {
            var product = products.Find(p => p.Id == productId);
            if (product is null)
            {
                return (MutationPayload("productVariantsBulkUpdate", [UserError("PRODUCT_DOES_NOT_EXIST",
                    ["productId"], "Product does not exist")]), "user-errors");
            }

            var inputs = variables["variants"]!.AsArray();
            var errors = new List<JsonObject>();
            for (var index = 0; index < inputs.Count; index++)
            {
                var id = inputs[index]!["id"]?.GetValue<string>();
                if (product.Variants.TrueForAll(v => v.Id != id))
                {
                    errors.Add(UserError("PRODUCT_VARIANT_DOES_NOT_EXIST",
                        ["variants", index.ToString(CultureInfo.InvariantCulture), "id"],
                        "Product variant does not exist"));
                }
            }

            if (errors.Count > 0)
            {
                return (MutationPayload("productVariantsBulkUpdate", errors), "user-errors");
            }

            foreach (var input in inputs.Select(node => node!.AsObject()))
            {
                var variant = product.Variants.Single(v => v.Id == input["id"]!.GetValue<string>());
                variant.Price = ParseMoney(input["price"]) ?? variant.Price;
                variant.CompareAtPrice = input.ContainsKey("compareAtPrice")
                    ? ParseMoney(input["compareAtPrice"])
                    : variant.CompareAtPrice;
                if (input["inventoryItem"]?["sku"] is { } sku)
                {
                    variant.Sku = sku.GetValue<string>();
                }
            }

            product.UpdatedAt = now;
            return (MutationPayload("productVariantsBulkUpdate", []), "ok");
        }
    }

    internal (JsonObject Data, string Outcome) SetProductStatus(JsonObject variables, DateTimeOffset now)
    {
        var input = variables["product"]!.AsObject();
        lock (gate)
        {
            var product = products.Find(p => p.Id == input["id"]?.GetValue<string>());
            if (product is null)
            {
                return (MutationPayload("productUpdate", [UserError(null, ["id"], "Product does not exist")]),
                    "user-errors");
            }

            product.Status = input["status"]?.GetValue<string>() ?? product.Status;
            product.UpdatedAt = now;
            return (MutationPayload("productUpdate", []), "ok");
        }
    }

    internal JsonObject GetTranslatableResource(JsonObject variables)
    {
        var resourceId = variables["resourceId"]!.GetValue<string>();
        lock (gate)
        {
            var product = products.Find(p => p.Id == resourceId);
            if (product is null)
            {
                return new JsonObject { ["translatableResource"] = null };
            }

            var content = TranslatableFields(product).Select(field => (JsonNode)new JsonObject
            {
                ["key"] = field.Key,
                ["value"] = field.Value,
                ["digest"] = Digest(field.Value),
                ["locale"] = PrimaryLocale,
            });
            return new JsonObject
            {
                ["translatableResource"] = new JsonObject
                {
                    ["resourceId"] = product.Id,
                    ["translatableContent"] = new JsonArray([.. content]),
                },
            };
        }
    }

    /// <summary>
    /// Runs <c>translationsRegister</c>. Like the real API it rejects a locale the shop does not publish, an unknown
    /// key, and a digest that no longer matches the primary-locale content, and then registers none of the batch.
    /// </summary>
    internal (JsonObject Data, string Outcome) RegisterTranslations(JsonObject variables)
    {
        var resourceId = variables["resourceId"]!.GetValue<string>();
        lock (gate)
        {
            var product = products.Find(p => p.Id == resourceId);
            if (product is null)
            {
                return (MutationPayload("translationsRegister", [UserError("RESOURCE_NOT_FOUND", ["resourceId"],
                    $"Resource {resourceId} does not exist")]), "user-errors");
            }

            var fields = TranslatableFields(product);
            var inputs = variables["translations"]!.AsArray().Select(node => node!.AsObject()).ToList();
            var errors = new List<JsonObject>();
            for (var index = 0; index < inputs.Count; index++)
            {
                var position = index.ToString(CultureInfo.InvariantCulture);
                var locale = Text(inputs[index], "locale") ?? string.Empty;
                var key = Text(inputs[index], "key") ?? string.Empty;
                if (!AlternateLocales.Contains(locale))
                {
                    errors.Add(UserError("INVALID_LOCALE_FOR_SHOP", ["translations", position, "locale"],
                        $"Locale {locale} is not published on the shop"));
                }
                else if (!fields.TryGetValue(key, out var value))
                {
                    errors.Add(UserError("INVALID_KEY_FOR_MODEL", ["translations", position, "key"],
                        $"Key {key} is not a translatable field of the resource"));
                }
                else if (Text(inputs[index], "translatableContentDigest") != Digest(value))
                {
                    // NOTE: the code is an assumption; the message is the one Shopify returns for a stale digest.
                    errors.Add(UserError("INVALID_TRANSLATABLE_CONTENT",
                        ["translations", position, "translatableContentDigest"],
                        "Translatable content hash is invalid"));
                }
            }

            if (errors.Count > 0)
            {
                return (MutationPayload("translationsRegister", errors), "user-errors");
            }

            foreach (var input in inputs)
            {
                var key = Text(input, "key")!;
                product.Translations[(Text(input, "locale")!, key)] = (Text(input, "value") ?? string.Empty,
                    Digest(fields[key]));
            }

            return (MutationPayload("translationsRegister", []), "ok");
        }
    }

    private FakeProduct? FindTarget(JsonObject? identifier)
    {
        if (identifier?["id"]?.GetValue<string>() is { } id)
        {
            return products.Find(p => p.Id == id);
        }

        return identifier?["handle"]?.GetValue<string>() is { } handle ? products.Find(p => p.Handle == handle) : null;
    }

    private static List<JsonObject> ValidateProductSet(JsonObject input, FakeProduct? product)
    {
        var errors = new List<JsonObject>();
        var options = (input["productOptions"] as JsonArray ?? [])
            .Select(node => (Name: Text(node!.AsObject(), "name") ?? string.Empty,
                Values: (node!["values"] as JsonArray ?? []).Select(v => Text(v!.AsObject(), "name")).ToList()))
            .ToList();
        var variants = input["variants"] as JsonArray ?? [];
        var combinations = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < variants.Count; index++)
        {
            var variant = variants[index]!.AsObject();
            var position = index.ToString(CultureInfo.InvariantCulture);
            if (variant["id"]?.GetValue<string>() is { } id && product?.Variants.TrueForAll(v => v.Id != id) != false)
            {
                errors.Add(UserError("PRODUCT_VARIANT_DOES_NOT_EXIST", ["input", "variants", position, "id"],
                    "Product variant does not exist"));
            }

            var values = (variant["optionValues"] as JsonArray ?? []).Select(v => v!.AsObject()).ToList();
            foreach (var value in values)
            {
                var option = options.Find(o => o.Name == Text(value, "optionName"));
                if (option.Name is null || !option.Values.Contains(Text(value, "name")))
                {
                    errors.Add(UserError("OPTION_VALUE_DOES_NOT_EXIST", ["input", "variants", position, "optionValues"],
                        $"Option value {Text(value, "name")} of {Text(value, "optionName")} is not among the product options"));
                }
            }

            if (!combinations.Add(string.Join('/', values.Select(v => Text(v, "name")))))
            {
                errors.Add(UserError("DUPLICATE_VARIANT", ["input", "variants", position],
                    "The variant has the same option values as another variant"));
            }

            if (ParseMoney(variant["price"]) is null)
            {
                errors.Add(UserError("INVALID_VARIANT", ["input", "variants", position, "price"],
                    "Price is missing or not a decimal"));
            }
        }

        return errors;
    }

    private void ApplyProductSet(FakeProduct product, JsonObject input)
    {
        product.Handle = Text(input, "handle") ?? product.Handle;
        product.Title = Text(input, "title") ?? product.Title;
        product.DescriptionHtml = Text(input, "descriptionHtml") ?? product.DescriptionHtml;
        product.Vendor = input.ContainsKey("vendor") ? Text(input, "vendor") : product.Vendor;
        product.ProductType = input.ContainsKey("productType") ? Text(input, "productType") : product.ProductType;
        product.Status = Text(input, "status") ?? product.Status;
        if (input["tags"] is JsonArray tags)
        {
            product.Tags = tags.Select(t => t!.GetValue<string>()).ToList();
        }

        product.Options = (input["productOptions"] as JsonArray ?? [])
            .Select(node => (Text(node!.AsObject(), "name")!,
                (node!["values"] as JsonArray ?? []).Select(v => Text(v!.AsObject(), "name")!).ToList()))
            .ToList();

        // The list replaces the product's variants: kept by id, created without one, and deleted when left out.
        var keptVariants = new List<FakeProductVariant>();
        foreach (var node in input["variants"] as JsonArray ?? [])
        {
            var variantInput = node!.AsObject();
            var variant = product.Variants.Find(v => v.Id == Text(variantInput, "id")) ?? NewVariant();
            variant.Sku = variantInput["inventoryItem"]?["sku"]?.GetValue<string>();
            variant.Barcode = Text(variantInput, "barcode");
            variant.Price = ParseMoney(variantInput["price"])!.Value;
            variant.CompareAtPrice = ParseMoney(variantInput["compareAtPrice"]);
            variant.OptionValues = (variantInput["optionValues"] as JsonArray ?? [])
                .Select(v => (Text(v!.AsObject(), "optionName")!, Text(v!.AsObject(), "name")!)).ToList();
            keptVariants.Add(variant);
        }

        foreach (var removed in product.Variants.Except(keptVariants))
        {
            variants.RemoveAll(v => v.Id == removed.Id);
        }

        foreach (var added in keptVariants.Except(product.Variants))
        {
            variants.Add(new FakeVariant(added.Id, added.Sku ?? string.Empty, added.InventoryItemId));
        }

        product.Variants = keptVariants;
        product.Media = (input["files"] as JsonArray ?? []).Select(node =>
        {
            var file = node!.AsObject();
            var known = product.Media.Find(m => m.Id == Text(file, "id"));
            if (known is not null)
            {
                return known with { Alt = Text(file, "alt") };
            }

            var source = Text(file, "originalSource") ?? string.Empty;
            downloadedSources.Add(source);
            return new FakeMedia($"gid://shopify/MediaImage/{nextId++}", source, Text(file, "alt"));
        }).ToList();
    }

    private FakeProductVariant NewVariant()
    {
        var id = nextId++;
        return new FakeProductVariant
        {
            Id = $"gid://shopify/ProductVariant/{id}",
            InventoryItemId = $"gid://shopify/InventoryItem/{id}",
        };
    }

    private static Dictionary<string, string> TranslatableFields(FakeProduct product)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = product.Title,
            ["body_html"] = product.DescriptionHtml,
            ["handle"] = product.Handle,
        };
        if (!string.IsNullOrEmpty(product.ProductType))
        {
            fields["product_type"] = product.ProductType;
        }

        return fields;
    }

    private static JsonObject ProductSetPayload(FakeProduct? product, List<JsonObject> errors) => new()
    {
        ["productSet"] = new JsonObject
        {
            ["product"] = product is null ? null : new JsonObject
            {
                ["id"] = product.Id,
                ["variants"] = new JsonObject
                {
                    ["nodes"] = new JsonArray([.. product.Variants.Select(v => (JsonNode)new JsonObject
                    {
                        ["id"] = v.Id,
                        ["sku"] = v.Sku,
                        ["inventoryItem"] = new JsonObject { ["id"] = v.InventoryItemId },
                    })]),
                },
                ["media"] = new JsonObject
                {
                    ["nodes"] = new JsonArray([.. product.Media.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id })]),
                },
            },
            ["userErrors"] = new JsonArray([.. errors]),
        },
    };

    private static JsonObject MutationPayload(string field, List<JsonObject> errors) => new()
    {
        [field] = new JsonObject { ["userErrors"] = new JsonArray([.. errors]) },
    };

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static decimal? ParseMoney(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
