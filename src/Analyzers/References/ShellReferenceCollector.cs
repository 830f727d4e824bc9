using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.References;

/// <summary>
/// Edges from shell commands: <c>source</c>/<c>.</c>, <c>bash|sh x</c>, <c>python x.py</c>, <c>python -m pkg.mod</c>,
/// a command that is itself a path (<c>./x.sh</c>, <c>"$DIR/x"</c>), through wrappers (<c>exec</c>, <c>sudo</c>,
/// <c>nohup</c>, <c>env</c>, <c>timeout</c>). <c>cd</c> moves the working folder when its target is known. Also
/// <c>docker build [-f FILE] CONTEXT</c>, which gives a Dockerfile its build context.
/// </summary>
internal sealed class ShellReferenceCollector
{
    private static readonly ImmutableHashSet<string> Shells = ImmutableHashSet.Create("bash", "sh", "dash", "zsh", "ksh");
    private static readonly ImmutableHashSet<string> Wrappers = ImmutableHashSet.Create("exec", "sudo", "nohup", "time", "nice", "env", "timeout", "command", "xargs");

    private readonly RepositoryPaths paths;
    private readonly PythonModuleResolver python;
    private readonly ImmutableArray<string> installRoots;

    public ShellReferenceCollector(RepositoryPaths paths, PythonModuleResolver python, ImmutableArray<string> installRoots)
    {
        this.paths = paths;
        this.python = python;
        this.installRoots = installRoots;
    }

    /// <param name="source">The file the commands are in.</param>
    /// <param name="scriptDirectory">The folder <c>$0</c> lives in (the source's folder for scripts).</param>
    /// <param name="workingDirectory">The known starting folder (repository root for CI), or null when unknown.</param>
    /// <param name="kind">Null: shell-exec/shell-source by command; else every edge gets this kind (ci, cron, other).</param>
    public void Collect(
        string source,
        ShellFacts facts,
        string scriptDirectory,
        string? workingDirectory,
        ReferenceKind? kind,
        List<Reference> references,
        List<BuildContext> contexts)
    {
        var evaluator = new ShellPathEvaluator(scriptDirectory, installRoots);
        var cwd = workingDirectory;
        var steps = facts.Commands.Select(c => (c.Sequence, Command: (ShellCommand?)c, Assignment: (ShellAssignment?)null))
            .Concat(facts.Assignments.Select(a => (a.Sequence, Command: (ShellCommand?)null, Assignment: (ShellAssignment?)a)))
            .OrderBy(s => s.Sequence);
        foreach (var (_, command, assignment) in steps)
        {
            if (assignment is not null)
            {
                evaluator.Assign(assignment);
                continue;
            }

            var words = new List<ShellWord> { command!.Name };
            words.AddRange(command.Arguments);
            while (words.Count > 1 && words[0].StaticValue is { } wrapper && Wrappers.Contains(wrapper))
            {
                words.RemoveAt(0);
                while (words.Count > 1 && (words[0].StaticValue is { } w && (w.StartsWith('-') || w.Contains('=') || (wrapper == "timeout" && char.IsAsciiDigit(w.FirstOrDefault())))))
                    words.RemoveAt(0);
            }

            var name = words[0].StaticValue;
            var line = command.Span.StartLine;
            if (name == "cd")
            {
                cwd = words.Count > 1 ? ChangeDirectory(evaluator, words[1], cwd) : null;
                continue;
            }

            if (name is "source" or "." && words.Count > 1)
            {
                Add(references, source, line, words[1], kind ?? ReferenceKind.ShellSource, evaluator, cwd, requirePathLike: false);
                continue;
            }

            if (name is not null && Shells.Contains(name))
            {
                var script = FirstOperand(words, optionsWithValue: ["-o", "-O", "+o"]);
                if (script is not null && !words.Any(w => w.StaticValue == "-c"))
                    Add(references, source, line, script, kind ?? ReferenceKind.ShellExec, evaluator, cwd, requirePathLike: false);
                continue;
            }

            if (name is not null && IsPython(name))
            {
                var moduleFlag = words.FindIndex(w => w.StaticValue == "-m");
                if (moduleFlag > 0 && moduleFlag + 1 < words.Count && words[moduleFlag + 1].StaticValue is { } module)
                {
                    var (target, missing) = python.ResolveAbsolute(module, source);
                    if (target is not null || missing is not null)
                        references.Add(new Reference(source, line, target ?? module, kind ?? ReferenceKind.ShellExec, target is not null, module, Detail: missing ?? "python -m"));
                    continue;
                }

                var script = FirstOperand(words, optionsWithValue: ["-W", "-X", "-c"]);
                if (script is not null && !words.Any(w => w.StaticValue == "-c"))
                    Add(references, source, line, script, kind ?? ReferenceKind.ShellExec, evaluator, cwd, requirePathLike: false);
                continue;
            }

            if (name is "docker" && words.Count > 2 && words.Skip(1).Select(w => w.StaticValue).Contains("build"))
            {
                CollectDockerBuild(source, line, words, evaluator, cwd, contexts);
                continue;
            }

            if (words[0].Text.Contains('/') || words[0].Parts.Any(p => p.Kind == ShellWordPartKind.ScriptDirectory))
                Add(references, source, line, words[0], kind ?? ReferenceKind.ShellExec, evaluator, cwd, requirePathLike: true);
        }
    }

    private static bool IsPython(string name) =>
        name is "python" or "python3" || (name.StartsWith("python3.", StringComparison.Ordinal) && name.Length <= 10);

    private static ShellWord? FirstOperand(List<ShellWord> words, string[] optionsWithValue)
    {
        for (var i = 1; i < words.Count; i++)
        {
            var value = words[i].StaticValue;
            if (value is not null && value.StartsWith('-'))
            {
                if (optionsWithValue.Contains(value))
                    i++;
                continue;
            }

            return words[i];
        }

        return null;
    }

    private string? ChangeDirectory(ShellPathEvaluator evaluator, ShellWord target, string? cwd)
    {
        var evaluated = evaluator.Evaluate(target);
        if (evaluated.Unknowable is not null || evaluated.Anchor == PathAnchor.System)
            return null;
        var start = evaluator.Base(evaluated.Anchor) ?? cwd;
        if (start is null)
            return null;
        var combined = RepositoryPaths.Combine(start, evaluated.Path);
        return combined is not null && paths.IsDirectory(combined) ? combined : null;
    }

    private void Add(List<Reference> references, string source, int line, ShellWord word, ReferenceKind kind, ShellPathEvaluator evaluator, string? cwd, bool requirePathLike)
    {
        var evaluated = evaluator.Evaluate(word);
        if (evaluated.Unknowable is not null)
        {
            references.Add(new Reference(source, line, word.Text, kind, false, word.Text, Unknowable: evaluated.Unknowable));
            return;
        }

        if (evaluated.Anchor == PathAnchor.System || evaluated.Path.Length == 0)
            return;
        var path = evaluated.Path;
        var pathLike = path.Contains('/') || path.EndsWith(".sh", StringComparison.Ordinal) || path.EndsWith(".py", StringComparison.Ordinal) || path.EndsWith(".bash", StringComparison.Ordinal);
        if (requirePathLike && !pathLike)
            return;

        var anchored = evaluator.Base(evaluated.Anchor);
        if (anchored is not null)
        {
            var target = RepositoryPaths.Combine(anchored, path);
            if (target is null)
                return;
            var exists = paths.IsFile(target);
            references.Add(new Reference(source, line, target, kind, exists, word.Text,
                Detail: evaluated.Anchor == PathAnchor.ScriptDirectory ? "relative to the script's folder" : "under the install root"));
            return;
        }

        // Relative to the working folder, which a script does not know: try the folder cd moved to, the script's own
        // folder and the repository root; a miss is dangling only when the path's folder exists but the file does not.
        var candidates = new[] { cwd, evaluator.Base(PathAnchor.ScriptDirectory), "" }.Where(c => c is not null).Distinct().ToList();
        foreach (var start in candidates)
        {
            var target = RepositoryPaths.Combine(start!, path);
            if (target is not null && paths.IsFile(target))
            {
                references.Add(new Reference(source, line, target, kind, true, word.Text, Detail: start == cwd ? "relative to the working folder" : start == "" ? "relative to the repository root" : "relative to the script's folder"));
                return;
            }
        }

        var withFolder = path.Contains('/')
            ? candidates.FirstOrDefault(c => RepositoryPaths.Combine(c!, RepositoryPaths.DirectoryOf(path)) is { Length: > 0 } d && paths.IsDirectory(d))
            : null;
        references.Add(withFolder is not null
            ? new Reference(source, line, RepositoryPaths.Combine(withFolder, path) ?? path, kind, false, word.Text, Detail: "its folder exists but the file does not")
            : new Reference(source, line, path, kind, false, word.Text, Unknowable: "relative to the working folder, which is not known here"));
    }

    private void CollectDockerBuild(string source, int line, List<ShellWord> words, ShellPathEvaluator evaluator, string? cwd, List<BuildContext> contexts)
    {
        string? dockerfile = null;
        string? context = null;
        var start = words.FindIndex(w => w.StaticValue == "build") + 1;
        for (var i = start; i < words.Count; i++)
        {
            var value = words[i].StaticValue;
            if (value is "-f" or "--file" && i + 1 < words.Count)
            {
                dockerfile = Resolve(evaluator, words[++i], cwd);
                continue;
            }

            if (value is not null && value.StartsWith("--file=", StringComparison.Ordinal))
            {
                dockerfile = Resolve(evaluator, new ShellWord(value[7..], [new ShellWordPart(ShellWordPartKind.Literal, value[7..])], words[i].Span), cwd);
                continue;
            }

            if (value is not null && value.StartsWith('-'))
            {
                if (!value.Contains('=') && value is "-t" or "--tag" or "--build-arg" or "--target" or "--platform" or "--network" or "--label" or "--secret" or "--ssh" or "--cache-from" or "--progress" or "--output" or "-o")
                    i++;
                continue;
            }

            context = Resolve(evaluator, words[i], cwd);
        }

        if (context is null || !paths.IsDirectory(context))
            return;
        dockerfile ??= RepositoryPaths.Combine(context, "Dockerfile");
        if (dockerfile is not null)
            contexts.Add(new BuildContext(dockerfile, context, source, line));
    }

    private string? Resolve(ShellPathEvaluator evaluator, ShellWord word, string? cwd)
    {
        var evaluated = evaluator.Evaluate(word);
        if (evaluated.Unknowable is not null || evaluated.Anchor == PathAnchor.System)
            return null;
        var start = evaluator.Base(evaluated.Anchor) ?? cwd;
        return start is null ? null : RepositoryPaths.Combine(start, evaluated.Path);
    }
}
