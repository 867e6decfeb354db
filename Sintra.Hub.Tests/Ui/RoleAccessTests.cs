using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Ui;

public sealed class RoleAccessTests : IDisposable
{
    private const string Password = "Magazzino-Password-2026!";

    private readonly HubAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task WarehouseUserCannotOpenOrders()
    {
        using var client = await SignInAsync("magazzino@sintra.test", HubRoles.Warehouse);

        var orders = await client.GetAsync("/orders");
        var inbox = await client.GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, orders.StatusCode);
        Assert.Equal("/account/access-denied", orders.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.Equal("/account/access-denied", inbox.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task NavigationShowsOnlyAllowedPages()
    {
        using var client = await SignInAsync("magazzino2@sintra.test", HubRoles.Warehouse);

        var home = await client.GetStringAsync("/");

        Assert.Contains("href=\"/warehouses\"", home);
        Assert.Contains("href=\"/catalog/import\"", home);
        Assert.DoesNotContain("href=\"/orders\"", home);
        Assert.DoesNotContain("href=\"/inbox\"", home);
        Assert.DoesNotContain("href=\"/channels\"", home);
    }

    [Fact]
    public async Task OperatorOpensOrdersAndInbox()
    {
        using var client = await SignInAsync("operatore@sintra.test", HubRoles.Operator);

        var orders = await client.GetAsync("/orders");
        var inbox = await client.GetAsync("/inbox");
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.DoesNotContain("href=\"/channels\"", home);
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
