using Sintra.Hub.Core.Returns;

namespace Sintra.Hub.Web.Components.Pages.Returns;

/// <summary>Parses the return reasons that staff edit as lines of <c>code | Italian label | English label</c>.</summary>
public static class ReturnSettingsForm
{
    /// <summary>Returns the reasons; <paramref name="error"/> names the first invalid line, or is null.</summary>
    public static List<ReturnReason> ParseReasons(string? text, out string? error)
    {
        var reasons = new List<ReturnReason>();
        error = null;
        foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts.Any(p => p.Length == 0) || parts[0].Length > 64
                || reasons.Any(r => r.Code == parts[0]))
            {
                error = line;
                return reasons;
            }

            reasons.Add(new ReturnReason { Code = parts[0], LabelIt = parts[1], LabelEn = parts[2] });
        }

        if (reasons.Count == 0)
        {
            error = "-";
        }

        return reasons;
    }
}
