namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// GraphQL documents of the catalog push, written against the Admin API 2026-04 reference. The operation names are
/// part of the contract with the test server, which dispatches on them.
/// </summary>
public static class ShopifyCatalogDocuments
{
    public const string SetProductOperation = "SetProduct";
    public const string UpdateVariantPricesOperation = "UpdateVariantPrices";
    public const string GetTranslatableResourceOperation = "GetTranslatableResource";
    public const string RegisterTranslationsOperation = "RegisterTranslations";
    public const string SetProductStatusOperation = "SetProductStatus";

    // productSet replaces every list it is given (variants, options, files) and deletes the entries left out, so the
    // caller always sends the complete lists of the product.
    public const string SetProduct = """
        mutation SetProduct($input: ProductSetInput!, $identifier: ProductSetIdentifiers, $synchronous: Boolean!) {
          productSet(input: $input, identifier: $identifier, synchronous: $synchronous) {
            product {
              id
              variants(first: 250) { nodes { id sku inventoryItem { id } } }
              media(first: 250) { nodes { id } }
            }
            userErrors { code field message }
          }
        }
        """;

    public const string UpdateVariantPrices = """
        mutation UpdateVariantPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) {
            productVariants { id sku price compareAtPrice }
            userErrors { code field message }
          }
        }
        """;

    public const string GetTranslatableResource = """
        query GetTranslatableResource($resourceId: ID!) {
          translatableResource(resourceId: $resourceId) {
            resourceId
            translatableContent { key value digest locale }
          }
        }
        """;

    public const string RegisterTranslations = """
        mutation RegisterTranslations($resourceId: ID!, $translations: [TranslationInput!]!) {
          translationsRegister(resourceId: $resourceId, translations: $translations) {
            translations { key locale value }
            userErrors { code field message }
          }
        }
        """;

    public const string SetProductStatus = """
        mutation SetProductStatus($product: ProductUpdateInput!) {
          productUpdate(product: $product) {
            product { id status }
            userErrors { field message }
          }
        }
        """;
}
