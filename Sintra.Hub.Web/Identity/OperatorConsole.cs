namespace Sintra.Hub.Web.Identity;

/// <summary>
/// The terminal of the person who starts the hub: the one place a generated password is written, because log sinks
/// keep what they receive. Tests replace the writer to read what was printed.
/// </summary>
public class OperatorConsole(TextWriter writer)
{
    public OperatorConsole()
        : this(Console.Out)
    {
    }

    public void WriteLine(string text) => writer.WriteLine(text);
}
