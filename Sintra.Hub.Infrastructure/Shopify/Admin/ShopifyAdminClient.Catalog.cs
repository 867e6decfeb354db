using System.Globalization;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    /// <summary>
    /// Creates or fully updates a product with <c>productSet</c> in synchronous mode. The product is identified by
    /// its id when known, else by its handle, so that a product the shop already has under that handle is updated
    /// instead of duplicated. Every call sets absolute values, so a retry after a lost response is safe.
    /// </summary>
    public async Task<ShopifyResult<ProductSetOutcome>> SetProductAsync(ProductSetRequest request,
        CancellationToken cancellationToken = default)
    {
        var input = new Dictionary<string, object?>
        {
            ["handle"] = request.Handle,
            ["title"] = request.Title,
            ["descriptionHtml"] = request.DescriptionHtml ?? string.Empty,
            ["vendor"] = request.Vendor,
            ["productType"] = request.ProductType,
            ["tags"] = request.Tags,
            ["status"] = request.Status,
            ["productOptions"] = request.Options.Select((option, index) => new Dictionary<string, object?>
            {
                ["name"] = option.Name,
                ["position"] = index + 1,
                ["values"] = option.Values.Select(value => new Dictionary<string, object?> { ["name"] = value }).ToList(),
            }).ToList(),
            ["variants"] = request.Variants.Select(VariantInput).ToList(),
            ["files"] = request.Files.Select(FileInput).ToList(),
        };
        var identifier = request.ProductId is null
            ? new Dictionary<string, object?> { ["handle"] = request.Handle }
            : new Dictionary<string, object?> { ["id"] = request.ProductId };
        var variables = new Dictionary<string, object?>
        {
            ["input"] = input,
            ["identifier"] = identifier,
            ["synchronous"] = true,
        };
        var graphQl = new GraphQlRequest(ShopifyCatalogDocuments.SetProduct, variables,
            ShopifyCatalogDocuments.SetProductOperation);
        var response = await SendAsync(graphQl, 10 + (2 * MaxPageSize), retrySafe: true, cancellationToken);
        var data = ReadData<ProductSetData>(graphQl.OperationName, response);
        if (data.Error is not null)
        {
            return ShopifyResult<ProductSetOutcome>.Failure(data.Error);
        }

        if (data.Value!.ProductSet is not { } payload)
        {
            return ShopifyResult<ProductSetOutcome>.Failure(new ShopifyAdminError(
                ShopifyAdminErrorKind.InvalidResponse, "the response has no productSet payload"));
        }

        var product = payload.Product;
        var variants = (product?.Variants?.Nodes ?? [])
            .Select(node => new ShopifyVariantRef(node.Sku ?? string.Empty, node.Id, node.InventoryItem?.Id ?? string.Empty))
            .ToList();
        var media = (product?.Media?.Nodes ?? []).Select(node => node.Id).ToList();
        return ShopifyResult<ProductSetOutcome>.Success(
            new ProductSetOutcome(product?.Id, variants, media, payload.UserErrors ?? []));
    }

    /// <summary>
    /// Sets SKUs and prices of existing variants of one product with <c>productVariantsBulkUpdate</c>. Returns the
    /// user errors, empty when every variant was updated.
    /// </summary>
    public async Task<ShopifyResult<IReadOnlyList<ShopifyUserError>>> UpdateVariantPricesAsync(string productId,
        IReadOnlyList<VariantPriceUpdate> variants, CancellationToken cancellationToken = default)
    {
        var errors = new List<ShopifyUserError>();
        foreach (var batch in variants.Chunk(MaxPageSize))
        {
            var variables = new Dictionary<string, object?>
            {
                ["productId"] = productId,
                ["variants"] = batch.Select(variant => new Dictionary<string, object?>
                {
                    ["id"] = variant.VariantId,
                    ["price"] = Money(variant.Price),
                    ["compareAtPrice"] = variant.CompareAtPrice is { } compareAt ? Money(compareAt) : null,
                    ["inventoryItem"] = new Dictionary<string, object?> { ["sku"] = variant.Sku },
                }).ToList(),
            };
            var graphQl = new GraphQlRequest(ShopifyCatalogDocuments.UpdateVariantPrices, variables,
                ShopifyCatalogDocuments.UpdateVariantPricesOperation);
            var response = await SendAsync(graphQl, 10, retrySafe: true, cancellationToken);
            var data = ReadData<VariantsBulkUpdateData>(graphQl.OperationName, response);
            if (data.Error is not null)
            {
                return ShopifyResult<IReadOnlyList<ShopifyUserError>>.Failure(data.Error);
            }

            errors.AddRange(data.Value!.ProductVariantsBulkUpdate?.UserErrors ?? []);
        }

        return ShopifyResult<IReadOnlyList<ShopifyUserError>>.Success(errors);
    }

    /// <summary>
    /// Reads the translatable fields of a resource in the shop's primary locale with their digests. A resource that
    /// does not exist returns an empty list.
    /// </summary>
    public async Task<ShopifyResult<IReadOnlyList<TranslatableContent>>> GetTranslatableContentAsync(
        string resourceId, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?> { ["resourceId"] = resourceId };
        var graphQl = new GraphQlRequest(ShopifyCatalogDocuments.GetTranslatableResource, variables,
            ShopifyCatalogDocuments.GetTranslatableResourceOperation);
        var data = await QueryAsync<TranslatableResourceData>(graphQl, 3, cancellationToken);
        if (data.Error is not null)
        {
            return ShopifyResult<IReadOnlyList<TranslatableContent>>.Failure(data.Error);
        }

        var content = (data.Value!.TranslatableResource?.TranslatableContent ?? [])
            .Select(node => new TranslatableContent(node.Key, node.Value, node.Digest, node.Locale))
            .ToList();
        return ShopifyResult<IReadOnlyList<TranslatableContent>>.Success(content);
    }

    /// <summary>Registers translations of one resource with <c>translationsRegister</c>; returns the user errors.</summary>
    public async Task<ShopifyResult<IReadOnlyList<ShopifyUserError>>> RegisterTranslationsAsync(string resourceId,
        IReadOnlyList<TranslationSpec> translations, CancellationToken cancellationToken = default)
    {
        var errors = new List<ShopifyUserError>();
        foreach (var batch in translations.Chunk(100))
        {
            var variables = new Dictionary<string, object?>
            {
                ["resourceId"] = resourceId,
                ["translations"] = batch.Select(translation => new Dictionary<string, object?>
                {
                    ["locale"] = translation.Locale,
                    ["key"] = translation.Key,
                    ["value"] = translation.Value,
                    ["translatableContentDigest"] = translation.Digest,
                }).ToList(),
            };
            var graphQl = new GraphQlRequest(ShopifyCatalogDocuments.RegisterTranslations, variables,
                ShopifyCatalogDocuments.RegisterTranslationsOperation);
            var response = await SendAsync(graphQl, 10, retrySafe: true, cancellationToken);
            var data = ReadData<TranslationsRegisterData>(graphQl.OperationName, response);
            if (data.Error is not null)
            {
                return ShopifyResult<IReadOnlyList<ShopifyUserError>>.Failure(data.Error);
            }

            errors.AddRange(data.Value!.TranslationsRegister?.UserErrors ?? []);
        }

        return ShopifyResult<IReadOnlyList<ShopifyUserError>>.Success(errors);
    }

    /// <summary>Sets a product's status, for example to <c>DRAFT</c>, with <c>productUpdate</c>; returns the user errors.</summary>
    public async Task<ShopifyResult<IReadOnlyList<ShopifyUserError>>> SetProductStatusAsync(string productId,
        string status, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["product"] = new Dictionary<string, object?> { ["id"] = productId, ["status"] = status },
        };
        var graphQl = new GraphQlRequest(ShopifyCatalogDocuments.SetProductStatus, variables,
            ShopifyCatalogDocuments.SetProductStatusOperation);
        var response = await SendAsync(graphQl, 10, retrySafe: true, cancellationToken);
        var data = ReadData<ProductUpdateData>(graphQl.OperationName, response);
        return data.Error is not null
            ? ShopifyResult<IReadOnlyList<ShopifyUserError>>.Failure(data.Error)
            : ShopifyResult<IReadOnlyList<ShopifyUserError>>.Success(data.Value!.ProductUpdate?.UserErrors ?? []);
    }

    /// <summary>Formats an amount as the Admin API's <c>Money</c> scalar: a decimal string with a dot.</summary>
    internal static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> VariantInput(ProductVariantSpec variant)
    {
        var input = new Dictionary<string, object?>
        {
            ["optionValues"] = variant.OptionValues.Select(value => new Dictionary<string, object?>
            {
                ["optionName"] = value.OptionName,
                ["name"] = value.Name,
            }).ToList(),
            ["price"] = Money(variant.Price),
            ["compareAtPrice"] = variant.CompareAtPrice is { } compareAt ? Money(compareAt) : null,
            ["barcode"] = variant.Barcode,
            ["taxable"] = variant.Taxable,
            ["inventoryItem"] = new Dictionary<string, object?>
            {
                ["sku"] = variant.Sku,
                ["requiresShipping"] = variant.RequiresShipping,
            },
        };
        if (variant.Id is not null)
        {
            input["id"] = variant.Id;
        }

        return input;
    }

    private static Dictionary<string, object?> FileInput(ProductFileSpec file)
    {
        var input = new Dictionary<string, object?> { ["alt"] = file.Alt };
        if (file.Id is not null)
        {
            input["id"] = file.Id;
        }
        else
        {
            input["originalSource"] = file.OriginalSource;
            input["contentType"] = "IMAGE";
        }

        return input;
    }
}
