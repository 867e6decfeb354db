using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Infrastructure.Integration;

namespace Sintra.Hub.Tests.Integration;

public sealed class ApiAuthTests
{
    [Fact]
    public async Task KeyStoredOnlyAsHash()
    {
        using var app = new ApiTestApp();
        var (_, created) = await app.ClientWithKeyAsync(ApiScopes.ProductsRead);

        var fullKey = created.FullKey!;
        var (prefix, secret) = (fullKey[..fullKey.IndexOf('.')], fullKey[(fullKey.IndexOf('.') + 1)..]);
        await using var db = app.CreateDbContext();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync();
        Assert.Equal(prefix, stored.Prefix);
        Assert.Equal(ApiKeyService.Hash(secret), stored.SecretHash);
        Assert.Equal(32, stored.SecretHash.Length);
        Assert.True(secret.Length >= 43);

        // Nothing in the row contains the secret text, and listing keys returns no way to rebuild it.
        var row = JsonSerializer.Serialize(stored);
        Assert.DoesNotContain(secret, row);
        var listed = await app.Services.GetRequiredService<ApiKeyService>().ListAsync(default);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(listed));
    }

    [Fact]
    public async Task MissingKeyAnswers401Problem()
    {
        using var app = new ApiTestApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WrongScopeAnswers403()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.StockRead);

        using var response = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("products:read", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RevokedKeyAnswers401()
    {
        using var app = new ApiTestApp();
        var (client, created) = await app.ClientWithKeyAsync(ApiScopes.ProductsRead);
        using (client)
        {
            using var before = await client.GetAsync("/api/v1/products");
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

            await app.Services.GetRequiredService<ApiKeyService>().RevokeAsync(created.Key!.Id, default);
            using var after = await client.GetAsync("/api/v1/products");

            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }
    }

    [Fact]
    public async Task XApiKeyHeaderAccepted()
    {
        using var app = new ApiTestApp();
        var (_, created) = await app.ClientWithKeyAsync(ApiScopes.ProductsRead);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.FullKey);

        using var response = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.NotNull((await db.ApiKeys.AsNoTracking().SingleAsync()).LastUsedAt);
    }

    [Fact]
    public async Task WrongSecretAnswers401()
    {
        using var app = new ApiTestApp();
        var (_, created) = await app.ClientWithKeyAsync(ApiScopes.ProductsRead);
        using var client = app.CreateClient();
        var tampered = created.FullKey![..^2] + (created.FullKey[^2] == 'A' ? "BB" : "AA");
        client.DefaultRequestHeaders.Add("X-Api-Key", tampered);

        using var response = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RateLimitAnswers429WithRetryAfter()
    {
        using var app = new ApiTestApp(new Dictionary<string, string?> { ["Integration:Api:RequestsPerMinute"] = "3" });
        using var client = await app.ClientAsync(ApiScopes.ProductsRead);
        using var other = await app.ClientAsync(ApiScopes.ProductsRead);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/products");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.GetAsync("/api/v1/products");
        using var otherKey = await other.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }
}
