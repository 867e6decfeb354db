using Sintra.Hub.Web;

// A first argument that names a verb (for example `import-products`) runs that command and exits;
// anything else starts the web app.
var (verb, verbArgs, hostArgs) = CommandLine.Split(args);

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddHub();

var app = builder.Build();
await app.PrepareAsync(seedDemoData: verb is null);

if (verb is not null)
{
    return await CommandLine.RunAsync(app, verb, verbArgs);
}

app.UseHub();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
