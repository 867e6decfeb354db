using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Tests.Ui;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>Who opens the exchange settings and the jobs dashboard, over real HTTP.</summary>
public sealed class ExchangePageAccessTests : IDisposable
{
    private const string Password = "Scambio-Password-2026!";

    private readonly HubAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task WarehouseReadsJobsOnly()
    {
        using var client = await SignInAsync("magazzino@sintra.test", HubRoles.Warehouse);

        var jobs = await client.GetAsync("/jobs");
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        var jobsPage = await jobs.Content.ReadAsStringAsync();
        Assert.Contains("outbox", jobsPage);
        Assert.DoesNotContain("data-test=\"run-now\"", jobsPage);
        Assert.Contains("href=\"/jobs\"", home);
        Assert.DoesNotContain("href=\"/exchange/partners\"", home);
        foreach (var path in new[] { "/exchange/partners", "/exchange/profiles", "/exchange/flows", "/exchange/profiles/new" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task OperatorCannotOpenJobs()
    {
        using var client = await SignInAsync("operatore@sintra.test", HubRoles.Operator);

        var jobs = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, jobs.StatusCode);
        Assert.Equal("/account/access-denied", jobs.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AdminOpensExchangePages()
    {
        using var client = await SignInAsync("admin2@sintra.test", HubRoles.Admin);

        foreach (var path in new[] { "/exchange/partners", "/exchange/profiles", "/exchange/flows", "/exchange/profiles/new", "/jobs" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var jobs = await client.GetStringAsync("/jobs");
        Assert.Contains("data-test=\"run-now\"", jobs);
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
