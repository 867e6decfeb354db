using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.Shopify;

/// <summary>The catalog operations of the Admin API client against the fake shop.</summary>
public sealed class ShopifyCatalogOperationTests
{
    [Fact]
    public async Task StaleDigestIsRejected()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var created = await harness.RunAsync(harness.Client.SetProductAsync(Request(null, "Borsa in pelle")));
        var productId = created.GetValueOrThrow().ProductId!;
        await harness.RunAsync(harness.Client.SetProductAsync(Request(productId, "Borsa in pelle nera")));

        var result = await harness.RunAsync(harness.Client.RegisterTranslationsAsync(productId,
            [new TranslationSpec("en", "title", "Leather bag", FakeShop.Digest("Borsa in pelle"))]));

        var error = Assert.Single(result.GetValueOrThrow());
        Assert.Equal("INVALID_TRANSLATABLE_CONTENT", error.Code);
        Assert.Equal(["translations", "0", "translatableContentDigest"], error.Field);
        Assert.Empty(harness.Shop.FindProduct(productId)!.Translations);
    }

    [Fact]
    public async Task DigestReadBackRegistersTranslation()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var productId = (await harness.RunAsync(harness.Client.SetProductAsync(Request(null, "Borsa in pelle"))))
            .GetValueOrThrow().ProductId!;

        var content = (await harness.RunAsync(harness.Client.GetTranslatableContentAsync(productId)))
            .GetValueOrThrow();
        var title = Assert.Single(content, c => c.Key == "title");
        var result = await harness.RunAsync(harness.Client.RegisterTranslationsAsync(productId,
            [new TranslationSpec("en", "title", "Leather bag", title.Digest!)]));

        Assert.Empty(result.GetValueOrThrow());
        Assert.Equal("it", title.Locale);
        Assert.Equal(("Leather bag", FakeShop.Digest("Borsa in pelle")),
            harness.Shop.FindProduct(productId)!.Translations[("en", "title")]);
    }

    [Fact]
    public async Task LeftOutVariantIsDeleted()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var first = (await harness.RunAsync(harness.Client.SetProductAsync(Request(null, "Borsa", "BAG-1", "BAG-2"))))
            .GetValueOrThrow();
        var keptVariant = first.Variants.Single(v => v.Sku == "BAG-1");

        var second = await harness.RunAsync(harness.Client.SetProductAsync(
            Request(first.ProductId, "Borsa", "BAG-1") with
            {
                Variants = [Variant(keptVariant.VariantId, "BAG-1", "Nero")],
            }));

        var variant = Assert.Single(second.GetValueOrThrow().Variants);
        Assert.Equal(keptVariant.VariantId, variant.VariantId);
        Assert.Null(harness.Shop.FindVariant("BAG-2"));
    }

    private static ProductSetRequest Request(string? productId, string title, params string[] skus)
    {
        var variants = (skus.Length == 0 ? ["BAG-1"] : skus)
            .Select((sku, index) => Variant(null, sku, index == 0 ? "Nero" : $"Colore {index}"))
            .ToList();
        return new ProductSetRequest(productId, "borsa-pelle", title, "<p>Pelle conciata al vegetale.</p>", null, null,
            ["pelle"], "ACTIVE",
            [new ProductOptionSpec("Colore", variants.Select(v => v.OptionValues[0].Name).ToList())],
            variants, []);
    }

    private static ProductVariantSpec Variant(string? id, string sku, string color) =>
        new(id, sku, null, [new VariantOptionValue("Colore", color)], 120m, null, true, true);
}
