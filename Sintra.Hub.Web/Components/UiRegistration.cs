using MudBlazor.Services;

namespace Sintra.Hub.Web.Components;

public static class UiRegistration
{
    public static void AddHubUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
    }

    public static Task EnsureAdministratorAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public static void UseHubUi(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
