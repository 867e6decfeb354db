using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Sintra.Hub.Core.Identity;

namespace Sintra.Hub.Web.Identity;

/// <summary>Sign-out and the language switch. Sign-in is the statically rendered page <c>/account/login</c>.</summary>
public static class AccountEndpoints
{
    public static readonly string[] SupportedCultures = ["it", "en"];

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", LogoutAsync);
        app.MapGet("/culture/set", SetCultureAsync).AllowAnonymous();
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> LogoutAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        SignInManager<HubUser> signIn)
    {
        // The form token proves that the sign-out came from the hub's own page, not from another site.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(
                "The sign-out form has a missing or invalid antiforgery token; reload the page and try again.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(IdentityRegistration.LoginPath);
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SetCultureAsync(
        HttpContext context,
        UserManager<HubUser> users,
        string culture,
        string? redirectUri)
    {
        if (!SupportedCultures.Contains(culture, StringComparer.Ordinal))
        {
            return TypedResults.Problem(
                $"Culture '{culture}' is not supported; use one of: {string.Join(", ", SupportedCultures)}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        WriteCultureCookie(context, culture);
        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
        {
            user.Culture = culture;
            await users.UpdateAsync(user);
        }

        return TypedResults.LocalRedirect(LocalUrl.OrRoot(redirectUri));
    }

    /// <summary>Stores the UI culture in the cookie that request localization reads.</summary>
    public static void WriteCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
            });
}
