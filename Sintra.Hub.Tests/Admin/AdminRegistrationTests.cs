using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Sintra.Hub.Core.Catalog.Queries;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Queries;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Tests.Admin;

public sealed class AdminRegistrationTests
{
    [Fact]
    public async Task AppResolvesAdminPageServices()
    {
        await using var app = new HubAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var products = await services.GetRequiredService<ProductListService>()
            .ListAsync(new ProductListQuery(), CancellationToken.None);
        var warehouses = await services.GetRequiredService<WarehouseListService>().ListAsync(CancellationToken.None);
        var channels = await services.GetRequiredService<ChannelSettingsService>().ListAsync(CancellationToken.None);

        Assert.Equal(0, products.TotalCount);
        Assert.Empty(warehouses);
        Assert.Empty(channels);
        Assert.NotNull(services.GetRequiredService<ProductDetailService>());
        Assert.NotNull(services.GetRequiredService<MovementHistoryService>());
        Assert.NotNull(services.GetRequiredService<WarehouseSettingsService>());
        Assert.NotNull(services.GetRequiredService<ChannelSecretService>());
        var text = services.GetRequiredService<IStringLocalizer<AdminText>>();
        Assert.False(text["Products.Title"].ResourceNotFound);
    }
}
