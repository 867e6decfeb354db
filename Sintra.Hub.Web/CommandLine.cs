using Sintra.Hub.Web.Catalog;

namespace Sintra.Hub.Web;

/// <summary>Command-line verbs of the Web app, run against the configured database instead of serving.</summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["import-products"] = ProductImportCommand.RunAsync,
    };

    /// <summary>Splits the arguments into a verb, the verb's own arguments and the host's arguments.</summary>
    public static (string? Verb, string[] VerbArgs, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !Verbs.ContainsKey(args[0]))
        {
            return (null, [], args);
        }

        // Host settings may follow the verb as --Section:Key=value; everything else belongs to the verb.
        var hostArgs = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':')).ToArray();
        var verbArgs = args.Skip(1).Except(hostArgs).ToArray();
        return (args[0], verbArgs, hostArgs);
    }

    public static Task<int> RunAsync(WebApplication app, string verb, string[] args) => Verbs[verb](app, args);
}
