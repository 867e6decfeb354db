using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Tests.Ui;

namespace Sintra.Hub.Tests.Pim;

/// <summary>The export endpoints of the real app, signed in and anonymous.</summary>
public sealed class CatalogExportEndpointTests : IDisposable
{
    private const string Password = "Catalogo-Password-2026!";

    private readonly HubAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ShopifyExportDownloadsCsv()
    {
        await using (var db = factory.CreateDbContext())
        {
            await new PimKit(db).ImportTemplateAsync();
        }

        using var client = await SignInAsync("operatore@sintra.test", HubRoles.Operator);

        var response = await client.GetAsync("/catalog/export/shopify.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("products-shopify-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Handle,Title,Body (HTML)", body.TrimStart('\uFEFF'));
        Assert.Contains("\"FC-BLU-S\"", body);
    }

    [Fact]
    public async Task AnonymousExportIsRejected()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/catalog/export/hub.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string email, string role)
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
            var user = new HubUser { UserName = email, Email = email };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SignInForm.PostAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
