using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

using Bunit;

namespace Sintra.Hub.Tests.Support;

/// <summary>Sets the timeout of bUnit's WaitFor helpers for every test in this assembly.</summary>
internal static class BunitWaitTimeout
{
    /// <summary>
    /// Upper bound of a WaitForAssertion or WaitForState call without its own timeout. The pages load their data
    /// from a real SQLite file in OnInitializedAsync. bUnit's default of 1 s can run out before that render when
    /// other test classes load the machine. A passing wait returns at the first render that satisfies it, so only
    /// a failing test waits the full bound.
    /// </summary>
    public static readonly TimeSpan Value = TimeSpan.FromSeconds(10);

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly, never loaded by another program.")]
    internal static void Apply() => BunitContext.DefaultWaitTimeout = Value;
}
