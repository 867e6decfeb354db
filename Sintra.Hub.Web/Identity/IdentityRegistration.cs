using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Web.Identity;

/// <summary>ASP.NET Core Identity on <see cref="HubDbContext"/>, the sign-in cookie and the authorization policies.</summary>
public static class IdentityRegistration
{
    public const int MinimumPasswordLength = 12;

    public const string LoginPath = "/account/login";

    public static void AddHubIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdministratorOptions>()
            .Bind(builder.Configuration.GetSection(AdministratorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<HubUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HubDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "sintra.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });

        // Every endpoint needs a signed-in user unless it carries [AllowAnonymous]: sign-in, static assets,
        // /health and the webhook endpoint do.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Password.RequiredUniqueChars = 6;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.SignIn.RequireConfirmedAccount = false;
    }
}
