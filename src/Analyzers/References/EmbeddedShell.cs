using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Consolidate.Analyzers.References;

/// <summary>
/// Finds shell that lives inside other files and parses it in place (spans in the host file): GitHub Actions
/// <c>run:</c> steps (working folder: the repository root or <c>working-directory</c>) and local <c>uses: ./x</c>
/// actions, crontab lines, Makefile recipes, and systemd <c>ExecStart=</c> lines.
/// </summary>
internal static class EmbeddedShell
{
    public static bool IsWorkflow(string path) =>
        path.StartsWith(".github/workflows/", StringComparison.Ordinal) && (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal));

    public static bool IsCrontab(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name is "crontab" or "root.crontab" || name.EndsWith(".cron", StringComparison.Ordinal) || name.EndsWith(".crontab", StringComparison.Ordinal)
            || path.Contains("/cron.d/", StringComparison.Ordinal) || path.StartsWith("cron.d/", StringComparison.Ordinal);
    }

    public static bool IsMakefile(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name is "Makefile" or "makefile" or "GNUmakefile" || name.EndsWith(".mk", StringComparison.Ordinal);
    }

    public static bool IsSystemdUnit(string path) => path.EndsWith(".service", StringComparison.Ordinal);

    /// <summary>Workflow steps: (shell facts, working folder) per run step, and local action folders with their lines.</summary>
    public static (List<(ShellFacts Facts, string WorkingDirectory)> Steps, List<(string Uses, int Line)> LocalActions, string? Error) Workflow(
        SourceText text, IShellParser shell, CancellationToken cancellationToken)
    {
        var steps = new List<(ShellFacts, string)>();
        var actions = new List<(string, int)>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.Text));
        }
        catch (YamlException e)
        {
            return (steps, actions, $"line {e.Start.Line}: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return (steps, actions, null);
        if (!root.Children.TryGetValue(new YamlScalarNode("jobs"), out var jobsNode) || jobsNode is not YamlMappingNode jobs)
            return (steps, actions, null);
        foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
        {
            var jobDirectory = Scalar(job, "defaults", "run", "working-directory") ?? "";
            if (!job.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode) || stepsNode is not YamlSequenceNode list)
                continue;
            foreach (var step in list.Children.OfType<YamlMappingNode>())
            {
                if (step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && uses is YamlScalarNode { Value: { } action } && action.StartsWith("./", StringComparison.Ordinal))
                    actions.Add((action, (int)uses.Start.Line));
                if (!step.Children.TryGetValue(new YamlScalarNode("run"), out var run) || run is not YamlScalarNode script || script.Value is null)
                    continue;
                var directory = Scalar(step, "working-directory") ?? jobDirectory;
                var facts = ParseRegion(text, (int)script.Start.Index, (int)script.End.Index, shell, cancellationToken);
                if (facts is not null)
                    steps.Add((facts, directory.TrimStart('.', '/')));
            }
        }

        return (steps, actions, null);
    }

    /// <summary>The command part of each crontab line (after five time fields or an @keyword, and the user field in cron.d files).</summary>
    public static IEnumerable<ShellFacts> Crontab(string path, SourceText text, IShellParser shell, CancellationToken cancellationToken)
    {
        var systemFormat = path.Contains("cron.d/", StringComparison.Ordinal);
        for (var line = 1; line <= text.LineCount; line++)
        {
            var content = text.LineText(line);
            var trimmed = content.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            var fields = SplitFields(content);
            if (fields.Count == 0 || (fields[0].Text.Contains('=') && !fields[0].Text.StartsWith('@')))
                continue;
            var skip = (fields[0].Text.StartsWith('@') ? 1 : 5) + (systemFormat ? 1 : 0);
            if (fields.Count <= skip)
                continue;
            var start = text.LineStart(line) + fields[skip].Start;
            var end = text.LineEnd(line);
            var snippet = text.Text[start..end];
            yield return ToFacts(shell.Parse(text, start, snippet, cancellationToken));
        }
    }

    /// <summary>Recipe lines (starting with a tab), with make's <c>@</c>, <c>-</c> and <c>+</c> prefixes masked.</summary>
    public static IEnumerable<ShellFacts> MakefileRecipes(SourceText text, IShellParser shell, CancellationToken cancellationToken)
    {
        for (var line = 1; line <= text.LineCount; line++)
        {
            var content = text.LineText(line);
            if (!content.StartsWith('\t'))
                continue;
            var chars = content.ToCharArray();
            chars[0] = ' ';
            for (var i = 1; i < chars.Length && chars[i] is '@' or '-' or '+' or ' ' or '\t'; i++)
                chars[i] = ' ';
            yield return ToFacts(shell.Parse(text, text.LineStart(line), new string(chars), cancellationToken));
        }
    }

    /// <summary>systemd <c>ExecStart=</c>/<c>ExecStartPre=</c>/<c>ExecStop=</c> commands (prefix characters <c>-@:+!</c> masked).</summary>
    public static IEnumerable<ShellFacts> SystemdExec(SourceText text, IShellParser shell, CancellationToken cancellationToken)
    {
        for (var line = 1; line <= text.LineCount; line++)
        {
            var content = text.LineText(line);
            var eq = content.IndexOf('=');
            if (eq < 0 || !content.TrimStart().StartsWith("Exec", StringComparison.Ordinal))
                continue;
            var chars = content.ToCharArray();
            for (var i = 0; i <= eq; i++)
                chars[i] = ' ';
            for (var i = eq + 1; i < chars.Length && chars[i] is '-' or '@' or ':' or '+' or '!'; i++)
                chars[i] = ' ';
            yield return ToFacts(shell.Parse(text, text.LineStart(line), new string(chars), cancellationToken));
        }
    }

    private static ShellFacts? ParseRegion(SourceText text, int start, int end, IShellParser shell, CancellationToken cancellationToken)
    {
        if (start < 0 || end > text.Text.Length || end <= start)
            return null;
        var chars = text.Text.ToCharArray(start, end - start);
        // A block scalar starts at its indicator ("|" or ">", with modifiers) on the key's line: blank that line.
        if (chars[0] is '|' or '>')
        {
            for (var i = 0; i < chars.Length && chars[i] != '\n'; i++)
                chars[i] = ' ';
        }
        else if (chars[0] is '"' or '\'')
        {
            chars[0] = ' ';
            if (chars[^1] == chars[0] || chars[^1] is '"' or '\'')
                chars[^1] = ' ';
        }

        return ToFacts(shell.Parse(text, start, new string(chars), cancellationToken));
    }

    private static ShellFacts ToFacts(ParsedSource parsed) => parsed.Facts as ShellFacts ?? ShellFacts.Empty;

    private static string? Scalar(YamlMappingNode node, params string[] keys)
    {
        YamlNode current = node;
        foreach (var key in keys)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
                return null;
            current = next;
        }

        return (current as YamlScalarNode)?.Value;
    }

    private static List<(int Start, string Text)> SplitFields(string line)
    {
        var fields = new List<(int, string)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
                i++;
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
                i++;
            if (i > start)
                fields.Add((start, line[start..i]));
        }

        return fields;
    }
}
