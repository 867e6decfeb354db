namespace Sintra.Hub.Web.Returns;

/// <summary>
/// Refuses framing on every response (<c>X-Frame-Options: DENY</c> and <c>frame-ancestors 'none'</c>), except where an
/// endpoint has set its own <c>frame-ancestors</c> through <see cref="AllowFraming"/>.
/// </summary>
public static class FramingPolicy
{
    private const string BlazorDefaultPolicy = "frame-ancestors 'self'";

    private static readonly object AllowedKey = new();

    public static IApplicationBuilder UseFramingPolicy(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Items.ContainsKey(AllowedKey))
                {
                    // Overwrites the SAMEORIGIN that antiforgery adds to pages with forms, and the
                    // frame-ancestors 'self' that Blazor's interactive server render mode sends by default.
                    context.Response.Headers.XFrameOptions = "DENY";
                    var policy = context.Response.Headers.ContentSecurityPolicy.ToString();
                    if (policy.Length == 0 || policy == BlazorDefaultPolicy)
                    {
                        context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                    }
                }

                return Task.CompletedTask;
            });
            await next(context);
        });

    /// <summary>Lets <paramref name="origins"/> and the hub itself frame this response, and no other origin.</summary>
    public static void AllowFraming(HttpContext context, IEnumerable<string> origins)
    {
        context.Items[AllowedKey] = true;
        var sources = string.Join(' ', origins.Where(IsOrigin).Prepend("'self'"));
        context.Response.Headers.ContentSecurityPolicy =
            $"frame-ancestors {sources}; default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'self'";
    }

    /// <summary>
    /// Returns whether <paramref name="value"/> is a bare http(s) origin, so that a stored value can never add another
    /// directive or header to the policy.
    /// </summary>
    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.GetLeftPart(UriPartial.Authority) == value.TrimEnd('/')
        && !value.Contains(';') && !value.Contains(' ') && !value.Contains('\'');
}
