namespace Sintra.Hub.Benchmarks;

/// <summary>Nearest-rank percentiles of latency samples in milliseconds.</summary>
internal static class Percentiles
{
    /// <summary>Returns the nearest-rank percentile <paramref name="p"/> (0 to 1) of an ascending array.</summary>
    public static double Of(double[] sorted, double p) =>
        sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
