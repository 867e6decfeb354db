using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sintra.Hub.Tests.Integration;

public sealed class OpenApiTests
{
    [Fact]
    public async Task DocumentListsEveryApiEndpoint()
    {
        using var app = new ApiTestApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} {Normalize(e.RoutePattern.RawText!)}"))
            .ToList();

        Assert.True(mapped.Count >= 17, $"Only {mapped.Count} API endpoints are mapped.");
        Assert.All(mapped, endpoint => Assert.Contains(endpoint, documented));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        var list = document.GetProperty("paths").GetProperty("/api/v1/products").GetProperty("get");
        Assert.True(list.GetProperty("responses").TryGetProperty("429", out _));
        Assert.Equal(1, list.GetProperty("security").GetArrayLength());
    }

    /// <summary>Turns <c>/api/v1/products/{id:guid}/</c> into the document's form <c>/api/v1/products/{id}</c>.</summary>
    private static string Normalize(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:]+)(:[^}]+)?}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
