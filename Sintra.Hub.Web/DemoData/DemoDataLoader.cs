namespace Sintra.Hub.Web.DemoData;

public static class DemoDataLoader
{
    public static Task LoadIfEnabledAsync(WebApplication app, CancellationToken cancellationToken) => Task.CompletedTask;
}
