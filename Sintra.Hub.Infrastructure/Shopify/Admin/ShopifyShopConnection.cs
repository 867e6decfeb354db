namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// Address and credentials of one shop's GraphQL Admin API.
/// </summary>
/// <param name="ShopDomain">The <c>*.myshopify.com</c> domain, which also keys the shop's rate-limit bucket.</param>
/// <param name="AccessToken">Admin API access token, sent as <c>X-Shopify-Access-Token</c>.</param>
/// <param name="BaseAddress">
/// Replaces <c>https://{ShopDomain}</c> as the origin of the endpoint, for a local test server.
/// </param>
public sealed record ShopifyShopConnection(string ShopDomain, string AccessToken, Uri? BaseAddress = null)
{
    /// <summary>Builds <c>{origin}/admin/api/{version}/graphql.json</c>.</summary>
    public Uri GraphQlEndpoint(string apiVersion)
    {
        var origin = BaseAddress ?? new Uri($"https://{ShopDomain}");
        return new Uri(origin, $"/admin/api/{Uri.EscapeDataString(apiVersion)}/graphql.json");
    }

    /// <summary>Omits the access token, so the record can appear in logs and exception messages.</summary>
    public override string ToString() => $"ShopifyShopConnection {{ ShopDomain = {ShopDomain} }}";
}
