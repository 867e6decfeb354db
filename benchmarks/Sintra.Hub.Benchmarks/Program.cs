using System.Globalization;

namespace Sintra.Hub.Benchmarks;

/// <summary>
/// Runs one benchmark, chosen by the first argument:
/// <list type="bullet">
/// <item><c>[webhooks] [deliveries] [concurrency]</c> (default): webhook intake and order processing on SQLite.</item>
/// <item><c>reservations [count] [workers]</c>: <c>StockLedger.ReserveAsync</c> on SQLite, then on the PostgreSQL
/// server named by <c>SINTRA_BENCH_POSTGRES</c> when it is set.</item>
/// <item><c>stock-push [changes] [spacing-ms] [poll-seconds]</c>: time from a committed stock change to its
/// arrival at a fake Shopify Admin API on 127.0.0.1.</item>
/// <item><c>catalog [variants]</c>: import of a generated Shopify product CSV (10 variants per product) into SQLite,
/// then the first full catalog push plan of one channel, counted without sending.</item>
/// </list>
/// Usage: <c>dotnet run -c Release --project benchmarks/Sintra.Hub.Benchmarks -- [verb] [arguments]</c>.
/// </summary>
public static class BenchmarkMain
{
    public static async Task Main(string[] args)
    {
        // Numbers alone run the webhook benchmark, as before verbs existed.
        var named = args.Length > 0 && !char.IsAsciiDigit(args[0][0]);
        var verb = named ? args[0] : "webhooks";
        var numbers = named ? args[1..] : args;
        switch (verb)
        {
            case "webhooks":
                Console.WriteLine(await WebhookBenchmark.RunAsync(Number(numbers, 0, 2000), Number(numbers, 1, 16)));
                break;
            case "reservations":
                await RunReservationsAsync(Number(numbers, 0, 4000), Number(numbers, 1, 8));
                break;
            case "stock-push":
                Console.WriteLine(await StockPushBenchmark.RunAsync(
                    Number(numbers, 0, 200), Number(numbers, 1, 100), Number(numbers, 2, 5)));
                break;
            case "catalog":
                Console.WriteLine(await CatalogBenchmark.RunAsync(Number(numbers, 0, 100_000)));
                break;
            default:
                Console.Error.WriteLine(
                    $"Unknown benchmark '{verb}'. Use webhooks (the default), reservations, stock-push or catalog.");
                Environment.ExitCode = 2;
                break;
        }
    }

    private static async Task RunReservationsAsync(int reservations, int workers)
    {
        Console.WriteLine(Machine.Describe());
        await using (var sqlite = await BenchmarkDatabase.CreateSqliteAsync())
        {
            Console.WriteLine(await ReservationBenchmark.RunAsync(sqlite, reservations, workers));
        }

        if (BenchmarkDatabase.PostgresAdmin() is not { } admin)
        {
            Console.WriteLine($"PostgreSql: skipped, because {BenchmarkDatabase.PostgresVariable} is not set. Set it "
                + "to a connection string of a server on which the benchmark may create and drop a database.");
            return;
        }

        await using var postgres = await BenchmarkDatabase.CreatePostgresAsync(admin);
        Console.WriteLine(await ReservationBenchmark.RunAsync(postgres, reservations, workers));
    }

    private static int Number(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
