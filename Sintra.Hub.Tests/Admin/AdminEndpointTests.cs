using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Tests.Ui;

namespace Sintra.Hub.Tests.Admin;

/// <summary>The admin pages over real HTTP: sign-in, roles and the prerendered HTML.</summary>
public sealed class AdminEndpointTests : IDisposable
{
    private readonly HubAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/products")]
    [InlineData("/warehouses")]
    [InlineData("/channels")]
    public async Task AnonymousPageRedirectsToSignIn(string path)
    {
        using var client = CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AdminGetsPrerenderedProductDetail()
    {
        Guid productId;
        await using (var db = factory.CreateDbContext())
        {
            var warehouse = new Warehouse { Code = "MIL", Name = "Milano" };
            var product = new Product { Handle = "tazza-etna", Title = "Tazza Etna" };
            product.Variants.Add(new ProductVariant { Sku = "TE-01", Price = 12.50m, Option1 = "Rossa" });
            db.Warehouses.Add(warehouse);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            productId = product.Id;
        }

        using var client = CreateClient();
        await SignInForm.PostAsync(client, TestUsers.AdminEmail, TestUsers.AdminPassword);

        var detail = await client.GetAsync($"/products/{productId}");
        var html = await detail.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("Tazza Etna", html);
        Assert.Contains("TE-01", html);
        Assert.Contains("Varianti", html);
    }

    [Fact]
    public async Task AdminGetsChannelsWebhookUrl()
    {
        using var client = CreateClient();
        await SignInForm.PostAsync(client, TestUsers.AdminEmail, TestUsers.AdminPassword);

        var response = await client.GetAsync("/channels");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http://localhost/webhooks/shopify", html);
    }

    private HttpClient CreateClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
