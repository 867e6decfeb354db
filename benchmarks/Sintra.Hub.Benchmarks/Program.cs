using System.Globalization;

namespace Sintra.Hub.Benchmarks;

/// <summary>
/// Measures the webhook path on the embedded default (SQLite): how many signed deliveries per second the endpoint
/// acknowledges, and how many orders per second the inbox job turns into orders with reservations.
/// Usage: <c>dotnet run -c Release --project benchmarks/Sintra.Hub.Benchmarks -- [deliveries] [concurrency]</c>.
/// </summary>
public static class BenchmarkMain
{
    public static async Task Main(string[] args)
    {
        var deliveries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;

        var report = await WebhookBenchmark.RunAsync(deliveries, concurrency);
        Console.WriteLine(report);
    }
}
