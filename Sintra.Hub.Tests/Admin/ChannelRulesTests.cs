using Sintra.Hub.Core.Channels;

namespace Sintra.Hub.Tests.Admin;

public sealed class ChannelRulesTests
{
    [Theory]
    [InlineData("Bottega-Sintra.myshopify.com", "bottega-sintra.myshopify.com")]
    [InlineData("  https://bottega.myshopify.com/ ", "bottega.myshopify.com")]
    [InlineData("http://bottega.myshopify.com", "bottega.myshopify.com")]
    public void NormalizeShopDomainCleansInput(string input, string expected)
    {
        Assert.Equal(expected, ChannelRules.NormalizeShopDomain(input));
    }

    [Theory]
    [InlineData("bottega.myshopify.com", true)]
    [InlineData("bottega-2.myshopify.com", true)]
    [InlineData("bottega.it", false)]
    [InlineData("myshopify.com", false)]
    [InlineData("-bottega.myshopify.com", false)]
    [InlineData("bottega.myshopify.com.evil.example", false)]
    [InlineData("shop.bottega.myshopify.com", false)]
    [InlineData("bottega_shop.myshopify.com", false)]
    public void IsShopDomainChecksShape(string domain, bool expected)
    {
        Assert.Equal(expected, ChannelRules.IsShopDomain(domain));
    }

    [Theory]
    [InlineData("Europe/Rome", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Europe/Atlantis", false)]
    [InlineData("W. Europe Standard Time", false)]
    [InlineData("", false)]
    public void IsIanaTimeZoneAcceptsOnlyIanaIds(string id, bool expected)
    {
        Assert.Equal(expected, ChannelRules.IsIanaTimeZone(id));
    }

    [Theory]
    [InlineData("eur", null)]
    [InlineData("CHF", null)]
    [InlineData("EU", ChannelRules.Errors.CurrencyFormat)]
    [InlineData("EURO", ChannelRules.Errors.CurrencyFormat)]
    [InlineData("E1R", ChannelRules.Errors.CurrencyFormat)]
    public void ValidateChecksCurrency(string currency, string? expected)
    {
        var errors = ChannelRules.Validate(ValidInput() with { Currency = currency });

        Assert.Equal(expected, errors.SingleOrDefault()?.Code);
    }

    [Fact]
    public void ValidateAcceptsCompleteInput()
    {
        Assert.Empty(ChannelRules.Validate(ValidInput()));
    }

    [Fact]
    public void ValidateListsEveryBrokenRule()
    {
        var input = new ChannelInput
        {
            Name = " ",
            ShopDomain = "bottega.it",
            OrderWarehouseId = null,
            TimeZone = "Roma",
            Currency = "€",
            PecAttribute = "",
        };

        var errors = ChannelRules.Validate(input);

        Assert.Contains(new(nameof(ChannelInput.Name), ChannelRules.Errors.NameRequired), errors);
        Assert.Contains(new(nameof(ChannelInput.ShopDomain), ChannelRules.Errors.ShopDomainFormat), errors);
        Assert.Contains(new(nameof(ChannelInput.OrderWarehouseId), ChannelRules.Errors.WarehouseRequired), errors);
        Assert.Contains(new(nameof(ChannelInput.TimeZone), ChannelRules.Errors.TimeZoneInvalid), errors);
        Assert.Contains(new(nameof(ChannelInput.Currency), ChannelRules.Errors.CurrencyFormat), errors);
        Assert.Contains(new(nameof(ChannelInput.PecAttribute), ChannelRules.Errors.AttributeRequired), errors);
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void ValidateRejectsAttributesEqualIgnoringCase()
    {
        var errors = ChannelRules.Validate(ValidInput() with { PecAttribute = "Codice_Fiscale" });

        var error = Assert.Single(errors);
        Assert.Equal(nameof(ChannelInput.PecAttribute), error.Field);
        Assert.Equal(ChannelRules.Errors.AttributeDuplicate, error.Code);
    }

    [Theory]
    [InlineData(null, ChannelRules.Errors.SecretRequired)]
    [InlineData("", ChannelRules.Errors.SecretRequired)]
    [InlineData("short-secret", ChannelRules.Errors.SecretLength)]
    [InlineData("a-long-secret with-a-space", ChannelRules.Errors.SecretWhitespace)]
    [InlineData("0123456789abcdef0123456789abcdef\n", ChannelRules.Errors.SecretWhitespace)]
    [InlineData("0123456789abcdef", null)]
    public void ValidateSecretChecksShape(string? secret, string? expected)
    {
        Assert.Equal(expected, ChannelRules.ValidateSecret(secret).SingleOrDefault()?.Code);
    }

    [Fact]
    public void ValidateSecretRejectsOverlongSecret()
    {
        var error = Assert.Single(ChannelRules.ValidateSecret(new string('x', ChannelRules.MaxSecretLength + 1)));

        Assert.Equal(ChannelRules.Errors.SecretLength, error.Code);
    }

    internal static ChannelInput ValidInput(Guid? warehouseId = null) => new()
    {
        Name = "Bottega Sintra",
        ShopDomain = "bottega-sintra.myshopify.com",
        OrderWarehouseId = warehouseId ?? Guid.NewGuid(),
        TimeZone = "Europe/Rome",
        Currency = "EUR",
    };
}
