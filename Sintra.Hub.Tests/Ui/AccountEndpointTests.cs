using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Ui;

public sealed class AccountEndpointTests : IDisposable
{
    private readonly HubAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AnonymousOrdersRedirectsToSignIn()
    {
        using var client = CreateClient();

        var response = await client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Equal("?ReturnUrl=%2Forders", response.Headers.Location.Query);
    }

    [Fact]
    public async Task SignInWithConfiguredAdministrator()
    {
        using var client = CreateClient();

        var response = await SignInForm.PostAsync(client, TestUsers.AdminEmail, TestUsers.AdminPassword, "/orders");
        var orders = await client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/orders"), Absolute(response));
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        Assert.Contains("Ordini", await orders.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInIgnoresExternalReturnUrl()
    {
        using var client = CreateClient();

        var response = await SignInForm.PostAsync(
            client, TestUsers.AdminEmail, TestUsers.AdminPassword, "//attacker.example/phish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), Absolute(response));
    }

    [Fact]
    public async Task WrongPasswordShowsError()
    {
        using var client = CreateClient();

        var response = await SignInForm.PostAsync(client, TestUsers.AdminEmail, "Wrong-Password-2026!");
        var html = await response.Content.ReadAsStringAsync();
        var orders = await client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail o password errate.", html);
        Assert.Equal(HttpStatusCode.Redirect, orders.StatusCode);
    }

    [Fact]
    public async Task HealthNeedsNoSignIn()
    {
        using var client = CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CultureSwitchSetsCookieAndRedirects()
    {
        using var client = CreateClient();

        var response = await client.GetAsync("/culture/set?culture=en&redirectUri=%2Faccount%2Flogin");
        var page = await client.GetStringAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Contains("Remember me", page);
    }

    [Fact]
    public async Task CultureSwitchRejectsExternalRedirect()
    {
        using var client = CreateClient();

        var external = await client.GetAsync("/culture/set?culture=en&redirectUri=%2F%2Fattacker.example");
        var unknown = await client.GetAsync("/culture/set?culture=fr&redirectUri=%2F");

        Assert.Equal("/", external.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task LogoutWithoutTokenIsRejected()
    {
        using var client = CreateClient();
        await SignInForm.PostAsync(client, TestUsers.AdminEmail, TestUsers.AdminPassword);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        var orders = await client.GetAsync("/orders");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
    }

    // Blazor's redirect after a form post carries an absolute URL, but the endpoints' local redirects carry a path.
    private static Uri Absolute(HttpResponseMessage response) =>
        new(new Uri("http://localhost/"), response.Headers.Location!);

    private HttpClient CreateClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
