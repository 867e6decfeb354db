using System.Text.Json;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>Parses a Shopify address object (billing or shipping).</summary>
internal static class ShopifyAddressParser
{
    public static Address? Parse(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } address)
        {
            return null;
        }

        return new Address
        {
            FirstName = ShopifyOrderParser.String(address, "first_name"),
            LastName = ShopifyOrderParser.String(address, "last_name"),
            Company = ShopifyOrderParser.String(address, "company"),
            Address1 = ShopifyOrderParser.String(address, "address1"),
            Address2 = ShopifyOrderParser.String(address, "address2"),
            City = ShopifyOrderParser.String(address, "city"),
            Province = ShopifyOrderParser.String(address, "province"),
            ProvinceCode = ShopifyOrderParser.String(address, "province_code"),
            Zip = ShopifyOrderParser.String(address, "zip"),
            Country = ShopifyOrderParser.String(address, "country"),
            CountryCode = ShopifyOrderParser.String(address, "country_code"),
            Phone = ShopifyOrderParser.String(address, "phone"),
        };
    }
}
