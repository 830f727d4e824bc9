using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Scripts;

/// <summary>
/// A shell script with top-level commands that never runs <c>set -e</c> (or <c>set -o errexit</c>, or a shebang
/// with <c>-e</c>). Libraries that only define functions are left alone: they inherit the caller's options.
/// </summary>
public sealed class CONS601ShellMissingStrictMode : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ShellMissingStrictMode;

    public void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.OfLanguage(Language.Shell))
        {
            var facts = file.FactsAs<ShellFacts>();
            if (facts is null || file.Text is null)
                continue;
            var topLevel = facts.Commands.Where(c => c.Function is null).ToList();
            if (topLevel.Count == 0)
                continue;
            var firstLine = file.Text.LineText(1);
            if (firstLine.StartsWith("#!", StringComparison.Ordinal) && firstLine.Split(' ').Skip(1).Any(w => w.StartsWith('-') && !w.StartsWith("--", StringComparison.Ordinal) && w.Contains('e')))
                continue;
            if (topLevel.Any(IsErrexit))
                continue;
            context.Report(file, topLevel[0].Span,
                "script runs commands without 'set -e', so a failing step is ignored and the next one runs on bad state; add 'set -euo pipefail' after the shebang");
        }
    }

    private static bool IsErrexit(ShellCommand command)
    {
        if (command.Name.StaticValue != "set")
            return false;
        var args = command.Arguments.Select(a => a.StaticValue ?? "").ToList();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-') && !arg.StartsWith("--", StringComparison.Ordinal) && arg != "-o" && arg.Contains('e'))
                return true;
            if (arg == "-o" && i + 1 < args.Count && args[i + 1] == "errexit")
                return true;
        }

        return false;
    }
}
