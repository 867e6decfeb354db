using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Tests.Qa;

public class OrderQuantityTests
{
    private const string Body = """
        {"id": 4100000000001, "created_at": "2026-03-10T10:00:00+01:00", "currency": "EUR",
         "line_items": [{"id": 4200000000001, "sku": "0001234", "title": "Tazza", "quantity": QUANTITY,
                         "price": "12.50"}]}
        """;

    [Theory]
    [InlineData(-1)]
    [InlineData(-30)]
    public void NegativeLineQuantityRejected(int quantity)
    {
        var body = Body.Replace("QUANTITY", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var exception = Assert.Throws<ShopifyPayloadException>(() => ShopifyOrderParser.Parse(body));

        Assert.Contains("4200000000001", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"quantity {quantity}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroLineQuantityAccepted()
    {
        var order = ShopifyOrderParser.Parse(Body.Replace("QUANTITY", "0"));

        Assert.Equal(0, Assert.Single(order.Lines).Quantity);
    }
}
