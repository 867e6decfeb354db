using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Infrastructure.Integration;

namespace Sintra.Hub.Web.Integration;

/// <summary>The integration API under /api/v1, its OpenAPI document and reference page, and outbound webhooks.</summary>
public static class IntegrationRegistration
{
    public const string RateLimitPolicy = "api-key";

    /// <summary>Roles that open the API key and webhook pages.</summary>
    public const string PageRoles = Core.Identity.HubRoles.Admin;

    public static void AddIntegration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var webhooks = services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        var privateSetting = builder.Configuration[$"{WebhookOptions.SectionName}:{nameof(WebhookOptions.AllowPrivateAddresses)}"];
        if (builder.Environment.IsDevelopment() && privateSetting is null)
        {
            // A receiver on the developer's machine listens on loopback; production keeps the default, off.
            webhooks.PostConfigure(o => o.AllowPrivateAddresses = true);
        }
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddIntegrationServices();
        services.AddProblemDetails();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(PolicyName(scope), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope));
        }

        var api = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = api.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // Other areas add their own rejection answer for their paths, so each one handles only its own requests.
            var otherAreas = limiter.OnRejected;
            limiter.OnRejected = (context, cancellationToken) =>
            {
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    return otherAreas?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
                }

                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiProblems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too Many Requests",
                    $"This API key sent more than {api.RequestsPerMinute} requests in a minute; retry after {seconds} s."));
            };
        });

        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(OpenApiDocumentSetup.TransformAsync);
            options.AddOperationTransformer(OpenApiDocumentSetup.TransformOperationAsync);
        });
    }

    public static void MapIntegration(this WebApplication app)
    {
        app.UseRateLimiter();
        var api = app.MapGroup("/api/v1").RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        ProductsApi.Map(api);
        StockApi.Map(api);
        OrdersApi.Map(api);
        ReturnsApi.Map(api);
        WebhooksApi.Map(api);

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options
                .WithTitle("Sintra Hub API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument("v1")
                .AddPreferredSecuritySchemes("ApiKey")
                // Every feature that would call a Scalar service (fonts, telemetry, AI agent, MCP, developer tools)
                // is off, so the page loads only from this host.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools())
            .AllowAnonymous();
    }

    /// <summary>Requires an API key that grants <paramref name="scope"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(PolicyName(scope));
        builder.WithMetadata(new RequiredScope(scope));
        return builder;
    }

    private static string PolicyName(string scope) => "api:" + scope;
}

/// <summary>The <c>Integration:Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Integration:Api";

    /// <summary>Requests one API key may send per minute (fixed window) before it gets 429 responses.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 600;
}
