using Spectre.Console;

namespace Consolidate.Cli.Commands;

/// <summary>
/// A status line on stderr while a long step runs, only when stderr is a terminal (nothing in pipes and CI);
/// Spectre.Console honours NO_COLOR.
/// </summary>
public static class Progress
{
    public static T Run<T>(TextWriter stderr, Func<IProgress<string>?, T> work)
    {
        if (Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error))
            return work(null);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Status().Start("scanning", context => work(new Progress<string>(message => context.Status(message))));
    }
}
