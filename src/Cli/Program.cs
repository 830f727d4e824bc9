using System.CommandLine;
using Consolidate.Cli.Commands;
using Consolidate.Cli.Options;

namespace Consolidate.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool with the given streams (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("consolidate-analyze: finds and safely fixes sprawl in polyglot repositories.")
        {
            ScanCommand.Create(stdout, stderr),
            RefsCommand.Create(stdout, stderr),
            FixCommand.Create(stdout, stderr),
            ApplyCommand.Create(stdout, stderr),
            RollbackCommand.Create(stdout, stderr),
            CheckpointsCommand.Create(stdout, stderr),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'consolidate-analyze --help' for usage.");
            return ExitCodes.UsageOrInputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stderr.WriteLine($"internal error (a bug in consolidate-analyze, please report it): {e}");
            return ExitCodes.InternalError;
        }
    }
}
