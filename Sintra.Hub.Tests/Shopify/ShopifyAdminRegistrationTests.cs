using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.Shopify;

public sealed class ShopifyAdminRegistrationTests
{
    [Fact]
    public async Task FactoryClientsShareShopBucket()
    {
        await using var server = await FakeShopifyServer.StartAsync();
        server.Shop.AddLocation("Palermo");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shopify:Admin:MaxRetries"] = "1" })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddShopifyAdminClient();
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ShopifyAdminClientFactory>();

        var first = factory.Create(server.Connection);
        var result = await first.GetLocationsAsync();
        var second = factory.Create(server.Connection);
        var otherShop = factory.Create(server.Connection with { ShopDomain = "altro.myshopify.com" });

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("Palermo", Assert.Single(result.Value!).Name);
        Assert.Equal(server.Bucket.MaximumAvailable, second.LastThrottleStatus!.MaximumAvailable);
        Assert.Null(otherShop.LastThrottleStatus);
        Assert.Equal(1, provider.GetRequiredService<IOptions<ShopifyAdminOptions>>().Value.MaxRetries);
    }
}
