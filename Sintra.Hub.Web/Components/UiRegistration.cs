using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Sintra.Hub.Web.Identity;

namespace Sintra.Hub.Web.Components;

/// <summary>Blazor, MudBlazor, localization, sign-in and the staff pages.</summary>
public static class UiRegistration
{
    public static void AddHubUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        // No ResourcesPath, because the marker classes are in Sintra.Hub.Web.Resources next to their .resx files.
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(AccountEndpoints.SupportedCultures[0])
                .AddSupportedCultures(AccountEndpoints.SupportedCultures)
                .AddSupportedUICultures(AccountEndpoints.SupportedCultures);
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        builder.AddHubIdentity();
        services.AddScoped<AdministratorSetup>();
        services.AddSingleton<OperatorConsole>();
        services.AddScoped<Pages.Inbox.InboxRetry>();
    }

    /// <summary>Creates the roles and the first administrator, as <see cref="AdministratorSetup"/> describes.</summary>
    public static Task EnsureAdministratorAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AdministratorSetup>().EnsureAsync(cancellationToken);

    public static void UseHubUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
    }
}
