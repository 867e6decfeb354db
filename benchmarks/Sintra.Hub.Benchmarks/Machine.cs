using System.Runtime.InteropServices;

namespace Sintra.Hub.Benchmarks;

internal static class Machine
{
    /// <summary>Returns the cores, OS, runtime and, on Linux, the load average at the time of the call.</summary>
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        return $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
            + $"{RuntimeInformation.FrameworkDescription}, load average {load}";
    }
}
