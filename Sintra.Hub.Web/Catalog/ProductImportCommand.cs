using Sintra.Hub.Core.Catalog.Import;

namespace Sintra.Hub.Web.Catalog;

/// <summary>
/// The <c>import-products</c> verb: previews a Shopify product CSV and, with <c>--apply</c>, imports it.
/// Exit codes: 0 success, 1 validation errors in the file, 2 wrong usage or a missing file.
/// </summary>
public static class ProductImportCommand
{
    public const int Success = 0;
    public const int ValidationFailed = 1;
    public const int UsageError = 2;

    private const string Usage = """
        Usage: import-products FILE [--warehouse CODE] [--apply]
          FILE              Shopify product CSV (classic or 2025 layout), UTF-8.
          --warehouse CODE  Warehouse that receives the file's inventory quantities as an initial count.
                            Without it, quantities are not imported.
          --apply           Write the changes. Without it, only the preview is printed.
        """;

    public static Task<int> RunAsync(WebApplication app, string[] args) =>
        RunAsync(app.Services, args, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);

    /// <summary>Runs the verb with the given services and writers and returns the process exit code.</summary>
    public static async Task<int> RunAsync(
        IServiceProvider services,
        string[] args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        if (!File.Exists(options.File))
        {
            await error.WriteLineAsync(
                $"File not found: {Path.GetFullPath(options.File)}. A relative path resolves against the current "
                + $"directory, {Environment.CurrentDirectory}. Give an absolute path to be sure.");
            return UsageError;
        }

        var request = new ImportRequest(options.Warehouse, $"cli:{Environment.UserName}") { DownloadImages = true };
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ProductCsvImporter>();

        ImportPreview preview;
        var applied = false;
        await using (var file = File.OpenRead(options.File))
        {
            if (options.Apply)
            {
                var result = await importer.ApplyAsync(file, request, cancellationToken);
                preview = result.Preview;
                applied = result.Applied;
                foreach (var failure in result.Images?.Failures ?? [])
                {
                    await output.WriteLineAsync(
                        $"Line {failure.Line}: image {failure.Value} kept as a URL. {failure.Message}");
                }
            }
            else
            {
                preview = await importer.PreviewAsync(file, request, cancellationToken);
            }
        }

        ImportReportWriter.Write(output, preview);
        if (preview.HasErrors)
        {
            await output.WriteLineAsync("Nothing was imported. Fix the rows above and run the command again.");
            return ValidationFailed;
        }

        await output.WriteLineAsync(applied ? "Import applied." : "Preview only. Run again with --apply to import.");
        return Success;
    }

    private static bool TryParse(string[] args, out CommandOptions options, out string problem)
    {
        options = new CommandOptions(string.Empty, null, false);
        problem = string.Empty;
        string? file = null;
        string? warehouse = null;
        var apply = false;

        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--apply":
                    apply = true;
                    break;
                case "--warehouse" when i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    warehouse = args[++i];
                    break;
                case "--warehouse":
                    problem = "--warehouse needs a warehouse code.";
                    return false;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    problem = $"Unknown option: {option}";
                    return false;
                case var path when file is null:
                    file = path;
                    break;
                default:
                    problem = $"Unexpected argument: {args[i]}. Give exactly one file.";
                    return false;
            }
        }

        if (file is null)
        {
            problem = "FILE is missing.";
            return false;
        }

        options = new CommandOptions(file, warehouse, apply);
        return true;
    }

    private sealed record CommandOptions(string File, string? Warehouse, bool Apply);
}
