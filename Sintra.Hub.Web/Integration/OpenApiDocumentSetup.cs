using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sintra.Hub.Web.Integration;

/// <summary>Adds the API key scheme, the webhook signature guide and the shared error responses to the document.</summary>
internal static class OpenApiDocumentSetup
{
    private const string SchemeId = "ApiKey";

    private const string Description = """
        Integration API of Sintra Hub. Authenticate every request with an API key created by an administrator
        (Settings, API keys): `Authorization: Bearer sk_…` or `X-Api-Key: sk_…`. Each endpoint needs one scope.
        Errors are RFC 9457 problem details; invalid fields are listed under `errors`.
        Lists use cursor paging: follow `next` or the `Link: rel="next"` header. Each key may send a limited number
        of requests per minute and then gets 429 with `Retry-After` in seconds.
        Stock and return writes need an `Idempotency-Key` header; a repeated key returns the first response and changes nothing.

        Webhooks: each delivery is a POST with a JSON body `{ id, type, createdAt, data }` and the headers
        `X-Sintra-Signature: sha256=<hex>`, `X-Sintra-Timestamp` (Unix seconds), `X-Sintra-Delivery` (the same id on
        every retry) and `X-Sintra-Event`. To verify, compute HMAC-SHA256 of the raw body bytes with the
        subscription secret (UTF-8) as key, write it as lower-case hex after `sha256=`, and compare it with the
        header in constant time before parsing the body. Respond with 2xx within the timeout; any other response is retried
        with backoff, and 410 Gone disables the subscription.
        """;

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Sintra Hub API";
        document.Info.Version = "v1";
        document.Info.Description = Description;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "sk_<prefix>.<secret>",
            Description = "An API key; the X-Api-Key header works as well.",
        };
        return Task.CompletedTask;
    }

    public static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredScope>().FirstOrDefault();
        if (scope is null)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [scope.Scope],
        });
        operation.Description = $"Requires the scope `{scope.Scope}`.";
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", Problem("The API key is missing, unknown, revoked or expired."));
        operation.Responses.TryAdd("403", Problem($"The API key lacks the scope {scope.Scope}."));
        operation.Responses.TryAdd("429", Problem("Too many requests for this key; wait for Retry-After seconds."));
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ApiProblems.ContentType] = new OpenApiMediaType(),
        },
    };
}
