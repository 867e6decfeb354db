using System.Text.Json;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Tests.Webhooks;

public class ShopifyOrderParserTests
{
    [Fact]
    public void PlainFieldsWithoutMoneySets()
    {
        var order = ShopifyOrderParser.Parse("""
            {"id": 9223372036854775807, "created_at": "2025-12-31T23:59:59-05:00", "currency": "EUR",
             "total_price": "1234567.8912", "subtotal_price": "0.1", "total_tax": "-0.01",
             "shipping_lines": [{"price": "4.90"}, {"price": "0.10"}],
             "line_items": [{"id": 9007199254740993, "sku": "0001234", "title": "Tazza", "quantity": 3,
                             "price": "19.99"}]}
            """);

        Assert.Equal(long.MaxValue, order.ExternalId);
        Assert.Equal("#9223372036854775807", order.Name);
        Assert.Equal(1234567.8912m, order.TotalPrice);
        Assert.Equal(1234567.8912m, order.PresentmentTotalPrice);
        Assert.Equal(0.1m, order.SubtotalPrice);
        Assert.Equal(-0.01m, order.TotalTax);
        Assert.Equal(5.00m, order.TotalShipping);
        Assert.Equal("EUR", order.PresentmentCurrency);
        Assert.Equal(new DateTime(2026, 1, 1, 4, 59, 59, DateTimeKind.Utc), order.CreatedAt);
        Assert.Equal(order.CreatedAt, order.UpdatedAt);

        var line = Assert.Single(order.Lines);
        Assert.Equal(9007199254740993L, line.ExternalId);
        Assert.Equal("0001234", line.Sku);
        Assert.Equal(19.99m, line.Price);
        Assert.Equal(19.99m, line.PresentmentPrice);
    }

    [Fact]
    public void MoneySetsWinOverPlainFields()
    {
        var order = ShopifyOrderParser.Parse("""
            {"id": 1, "created_at": "2025-07-01T10:00:00Z",
             "total_price": "99.00",
             "total_price_set": {"shop_money": {"amount": "10.00", "currency_code": "EUR"},
                                 "presentment_money": {"amount": "11.70", "currency_code": "USD"}},
             "presentment_currency": "USD"}
            """);

        Assert.Equal("EUR", order.Currency);
        Assert.Equal("USD", order.PresentmentCurrency);
        Assert.Equal(10.00m, order.TotalPrice);
        Assert.Equal(11.70m, order.PresentmentTotalPrice);
    }

    [Fact]
    public void FinerThanFourDecimalsIsPayloadError()
    {
        var exception = Assert.Throws<ShopifyPayloadException>(() => ShopifyOrderParser.Parse("""
            {"id": 1, "created_at": "2025-12-31T23:59:59Z", "currency": "EUR", "total_price": "10.123456789",
             "line_items": []}
            """));

        Assert.Contains("total_price", exception.Message, StringComparison.Ordinal);
        Assert.Contains("10.123456789", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrailingZerosBeyondFourDecimalsAccepted()
    {
        var order = ShopifyOrderParser.Parse("""
            {"id": 1, "created_at": "2025-12-31T23:59:59Z", "currency": "EUR", "total_price": "10.000000",
             "line_items": []}
            """);

        Assert.Equal(10m, order.TotalPrice);
    }

    [Fact]
    public void MissingIdIsPayloadError()
    {
        var error = Assert.Throws<ShopifyPayloadException>(
            () => ShopifyOrderParser.Parse("""{"created_at": "2025-07-01T10:00:00Z", "currency": "EUR"}"""));
        Assert.Contains("'id'", error.Message);
    }

    [Theory]
    [InlineData("""{"id": "12a", "created_at": "2025-07-01T10:00:00Z", "currency": "EUR"}""")]
    [InlineData("""{"id": 1, "created_at": "yesterday", "currency": "EUR"}""")]
    [InlineData("""{"id": 1, "created_at": "2025-07-01T10:00:00Z", "currency": "EUR", "total_price": "1,50"}""")]
    [InlineData("""{"id": 1.5, "created_at": "2025-07-01T10:00:00Z", "currency": "EUR"}""")]
    public void InvalidValueIsPayloadError(string body) =>
        Assert.Throws<ShopifyPayloadException>(() => ShopifyOrderParser.Parse(body));

    [Fact]
    public void NonJsonBodyThrowsJsonException() =>
        Assert.ThrowsAny<JsonException>(() => ShopifyOrderParser.Parse("id=1&currency=EUR"));

    [Fact]
    public void NoteAttributesKeepNamesAndValues()
    {
        var order = ShopifyOrderParser.Parse("""
            {"id": 2, "created_at": "2025-07-01T10:00:00Z", "currency": "EUR",
             "note_attributes": [{"name": "pec", "value": "a@pec.example.it"}, {"name": "piano", "value": 3},
                                 {"name": "vuoto", "value": null}]}
            """);

        Assert.Equal(3, order.NoteAttributes.Count);
        Assert.Equal("a@pec.example.it", order.NoteAttributes[0].Value);
        Assert.Equal("3", order.NoteAttributes[1].Value);
        Assert.Null(order.NoteAttributes[2].Value);
    }
}
