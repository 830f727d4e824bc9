using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;

namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// Plans the deletion of one byte-identical copy: every resolved reference into it (compose build, COPY/ADD, shell
/// calls, workflow steps, cron, Makefile and unit lines, <c>docker build -f</c>) is repointed at the canonical copy with
/// a text edit at its exact span, such that the result provably sees the same bytes; anything that cannot be proven
/// (a dynamic path that may name it, a folder COPY or bind mount that holds it, a mention the graph does not follow, a
/// reference without a rewriter, a copy whose behaviour depends on where it lives, a different file mode) is a problem
/// that keeps the copy.
/// </summary>
internal sealed class CopyPlanner
{
    private readonly RepositoryModel model;
    private readonly ImmutableDictionary<string, DiskFile> disk;
    private readonly BuildInputs inputs;
    private readonly PathMentions mentions;
    private readonly IReadOnlyDictionary<string, string> copies;

    /// <param name="copies">Every copy this run may delete, with its canonical copy.</param>
    public CopyPlanner(RepositoryModel model, ImmutableDictionary<string, DiskFile> disk, BuildInputs inputs, PathMentions mentions, IReadOnlyDictionary<string, string> copies)
    {
        this.model = model;
        this.disk = disk;
        this.inputs = inputs;
        this.mentions = mentions;
        this.copies = copies;
    }

    public CopyPlan Plan(CloneCluster cluster, string duplicate)
    {
        var canonical = cluster.CanonicalMember.Path;
        var plan = new CopyPlan(duplicate, canonical);
        var members = cluster.Members.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        var references = model.References.To(duplicate).ToList();
        plan.References = references.Count;

        foreach (var reference in references)
            Repoint(plan, reference);
        foreach (var context in model.References.Contexts.Where(c => c.Dockerfile == duplicate && model.File(c.Source)?.Language != Language.Compose))
            RepointDockerBuild(plan, context);

        Unknowable(plan);
        foreach (var (path, line, reason) in inputs.Covering(duplicate))
            plan.Problem(path, line, reason);
        Mentions(plan, members);
        if (model.File(duplicate + ".dockerignore") is not null || model.File(canonical + ".dockerignore") is not null)
            plan.Problem(duplicate, 1, $"{(model.File(duplicate + ".dockerignore") is not null ? duplicate : canonical)}.dockerignore exists: a build would see a different context through the other Dockerfile");
        if (references.Any(r => r.Kind is ReferenceKind.ShellExec or ReferenceKind.ShellSource or ReferenceKind.Ci or ReferenceKind.Cron or ReferenceKind.Other))
            LocationDependence(plan);
        Mode(plan, references.Count + plan.Edits.Count > 0);
        return plan;
    }

    private void Repoint(CopyPlan plan, Reference reference)
    {
        var (duplicate, canonical) = (plan.Duplicate, plan.Canonical);
        var source = model.File(reference.Source);
        if (source?.Text is null)
        {
            plan.Problem(reference.Source, reference.Line, $"'{reference.Written}' refers to {duplicate} from a file whose text was not read; no rewriter");
            return;
        }

        switch (reference.Kind)
        {
            case ReferenceKind.PythonImport:
                plan.Problem(reference.Source, reference.Line, $"imports {duplicate} as a Python module ('{reference.Written}'); duplicate-files does not rewrite imports: list it under modules: in consolidate.yml so module-migration folds it");
                return;
            case ReferenceKind.ComposeBuild when source.Language == Language.Compose && model.File(duplicate)?.Language == Language.Dockerfile:
                RepointCompose(plan, source, reference);
                return;
            case ReferenceKind.DockerfileCopy:
                RepointCopy(plan, source, reference);
                return;
            case ReferenceKind.Other when source.Language == Language.CSharp:
                plan.Problem(reference.Source, reference.Line, $"a C# string literal names {duplicate} ('{reference.Written}'); duplicate-files does not edit C# source: point it at {canonical} by hand");
                return;
            case ReferenceKind.ShellExec or ReferenceKind.ShellSource or ReferenceKind.Ci or ReferenceKind.Cron or ReferenceKind.Other
                when reference.Detail is not ("python -m" or "local action"):
                RepointShell(plan, source, reference);
                return;
            default:
                plan.Problem(reference.Source, reference.Line, $"'{reference.Written}' ({reference.Detail ?? reference.Kind.ToString()}) refers to {duplicate} and no rewriter handles that kind of reference; point it at {canonical} by hand");
                return;
        }
    }

    /// <summary>A shell word naming the copy (script, workflow step, crontab, Makefile or unit line).</summary>
    private void RepointShell(CopyPlan plan, FileModel source, Reference reference)
    {
        var (start, problem) = SpanFinder.ShellWord(source, reference.Line, reference.Written);
        if (problem is not null)
        {
            plan.Problem(reference.Source, reference.Line, problem);
            return;
        }

        var (offset, length, replacement, literal, why) = WrittenPath.Repoint(reference.Written, plan.Duplicate, plan.Canonical, model.Config.InstallRoots);
        if (why is not null || !RepoPath.IsPlain(plan.Canonical))
        {
            plan.Problem(reference.Source, reference.Line, why ?? $"{plan.Canonical} has characters a shell word would have to quote; edit it by hand");
            return;
        }

        var known = !literal || reference.Detail == "relative to the working folder";
        var note = $"'{reference.Written}' -> '{reference.Written[..offset]}{replacement}{reference.Written[(offset + length)..]}': {plan.Duplicate} is a byte-identical copy of {plan.Canonical}";
        plan.Edits.Add((reference.Source, new TextEdit(start + offset, length, replacement, known ? FixSafety.Safe : FixSafety.Unsafe, reference.Line,
            known ? note : note + $"; unsafe because the working folder is not known here (the tool resolved it {reference.Detail})")));
    }

    /// <summary><c>docker build -f COPY CONTEXT</c> in a script, workflow or Makefile: the <c>-f</c> value is repointed, the context kept.</summary>
    private void RepointDockerBuild(CopyPlan plan, BuildContext context)
    {
        var source = model.File(context.Source);
        if (source?.Text is null)
        {
            plan.Problem(context.Source, context.Line, $"builds {plan.Duplicate} from a file whose text was not read; no rewriter");
            return;
        }

        var text = source.Text;
        var last = context.Line;
        while (last < text.LineCount && text.LineText(last).TrimEnd().EndsWith('\\'))
            last++;
        var from = text.LineStart(context.Line);
        var region = text.Text[from..text.LineEnd(last)];
        var words = new List<(int Start, string Word)>();
        for (var i = 0; i < region.Length; i++)
        {
            if (i > 0 && !char.IsWhiteSpace(region[i - 1]))
                continue;
            foreach (var flag in new[] { "-f ", "--file ", "--file=" })
            {
                if (string.CompareOrdinal(region, i, flag, 0, flag.Length) != 0)
                    continue;
                var at = i + flag.Length;
                while (at < region.Length && region[at] == ' ')
                    at++;
                var end = at;
                while (end < region.Length && !char.IsWhiteSpace(region[end]) && region[end] is not ';' and not '&' and not '|')
                    end++;
                if (end > at)
                    words.Add((from + at, region[at..end]));
            }
        }

        if (words.Count != 1)
        {
            plan.Problem(context.Source, context.Line, words.Count == 0
                ? $"'docker build' at line {context.Line} finds {plan.Duplicate} as the default Dockerfile of its context '{(context.Context.Length == 0 ? "." : context.Context)}'; no rewriter adds '-f {plan.Canonical}', so do it by hand"
                : $"'docker build' at line {context.Line} has {words.Count} -f values; edit it by hand");
            return;
        }

        var (start, word) = words[0];
        var (offset, length, replacement, _, why) = WrittenPath.Repoint(word, plan.Duplicate, plan.Canonical, model.Config.InstallRoots);
        if (why is not null || !RepoPath.IsPlain(plan.Canonical))
        {
            plan.Problem(context.Source, context.Line, why ?? $"{plan.Canonical} has characters a shell word would have to quote");
            return;
        }

        plan.Edits.Add((context.Source, new TextEdit(start + offset, length, replacement, FixSafety.Safe, context.Line,
            $"docker build -f '{word}' -> the canonical Dockerfile {plan.Canonical}; the build context '{(context.Context.Length == 0 ? "." : context.Context)}' is kept, so every COPY sees the same files")));
    }

    /// <summary>
    /// Compose <c>build</c>: the context stays, <c>dockerfile:</c> names the canonical Dockerfile relative to it (the
    /// compose specification resolves a relative dockerfile from the context; BuildKit reads a Dockerfile outside it).
    /// </summary>
    private void RepointCompose(CopyPlan plan, FileModel source, Reference reference)
    {
        var text = source.Text!;
        var directory = RepoPath.Directory(source.Path);
        var match = (source.FactsAs<ComposeFacts>()?.Services ?? []).Where(s => s.Build is not null).Select(s => (Service: s, Build: s.Build!)).FirstOrDefault(s =>
        {
            var context = RepositoryPaths.Combine(directory, s.Build.Context?.Value ?? ".");
            var dockerfile = context is null ? null : RepositoryPaths.Combine(context, s.Build.Dockerfile?.Value ?? "Dockerfile");
            return dockerfile == plan.Duplicate && (s.Build.Dockerfile?.Span.StartLine ?? s.Build.Context?.Span.StartLine ?? s.Build.Span.StartLine) == reference.Line;
        });
        if (match.Build is null)
        {
            plan.Problem(reference.Source, reference.Line, $"no service build at line {reference.Line} matches the reference to {plan.Duplicate}; edit it by hand");
            return;
        }

        var (service, build) = match;
        var contextFolder = RepositoryPaths.Combine(directory, build.Context?.Value ?? ".")!;
        var relative = RepoPath.Relative(contextFolder, plan.Canonical);
        if (!RepoPath.IsPlain(relative))
        {
            plan.Problem(reference.Source, reference.Line, $"{plan.Canonical} has characters a YAML value would have to quote; edit it by hand");
            return;
        }

        var what = $"service '{service.Name}' builds {plan.Canonical} (a byte-identical copy of {plan.Duplicate}) in the same context '{(contextFolder.Length == 0 ? "." : contextFolder)}'";
        if (build.Dockerfile is { } dockerfile)
        {
            var (start, length, problem) = ScalarValue(text, dockerfile);
            if (problem is not null)
                plan.Problem(reference.Source, reference.Line, problem);
            else
                plan.Edits.Add((reference.Source, new TextEdit(start, length, relative, FixSafety.Safe, dockerfile.Span.StartLine, $"dockerfile: '{dockerfile.Value}' -> '{relative}': {what}")));
            return;
        }

        if (build.Context is not { } context)
        {
            plan.Problem(reference.Source, reference.Line, $"service '{service.Name}' has a build mapping without context; add 'dockerfile: {relative}' by hand");
            return;
        }

        if (build.Span == context.Span)
        {
            // build: ./dir  ->  build: { context: ./dir, dockerfile: ../other/Dockerfile }
            var raw = text.Text.Substring(context.Span.Start, context.Span.Length);
            if (context.Span.StartLine != context.Span.EndLine || raw.IndexOfAny([',', '{', '}', '[', ']', '#', '&', '*', '!', '|', '>']) >= 0 || raw.Contains(": ", StringComparison.Ordinal))
            {
                plan.Problem(reference.Source, reference.Line, $"service '{service.Name}': 'build: {raw}' cannot be turned into a mapping in place; add 'dockerfile: {relative}' by hand");
                return;
            }

            plan.Edits.Add((reference.Source, new TextEdit(context.Span.Start, context.Span.Length, $"{{ context: {raw}, dockerfile: {relative} }}", FixSafety.Safe, context.Span.StartLine,
                $"build: '{raw}' -> context '{raw}' kept, dockerfile '{relative}': {what}")));
            return;
        }

        var line = context.Span.StartLine;
        var lineText = text.LineText(line);
        var key = lineText.TrimStart();
        if (!key.StartsWith("context:", StringComparison.Ordinal) || context.Span.EndLine != line)
        {
            plan.Problem(reference.Source, reference.Line, $"service '{service.Name}': the context is not a 'context:' line of its own; add 'dockerfile: {relative}' by hand");
            return;
        }

        var end = text.LineEnd(line);
        var lineBreak = end < text.Text.Length && text.Text[end] == '\r' ? "\r\n" : "\n";
        plan.Edits.Add((reference.Source, new TextEdit(end, 0, lineBreak + lineText[..(lineText.Length - key.Length)] + "dockerfile: " + relative, FixSafety.Safe, line,
            $"added 'dockerfile: {relative}' under the context: {what}")));
    }

    /// <summary>COPY/ADD of the copy into an image: the source names the canonical copy inside the same build context.</summary>
    private void RepointCopy(CopyPlan plan, FileModel source, Reference reference)
    {
        var instruction = source.FactsAs<DockerfileFacts>()?.Stages
            .SelectMany(s => s.Instructions)
            .FirstOrDefault(i => i.Keyword is "COPY" or "ADD" && i.Span.StartLine == reference.Line && i.Flag("from") is null);
        if (instruction is null)
        {
            plan.Problem(reference.Source, reference.Line, $"no COPY/ADD at line {reference.Line} matches the reference to {plan.Duplicate}; edit it by hand");
            return;
        }

        if (copies.TryGetValue(reference.Source, out var dockerfileCanonical))
        {
            // If that Dockerfile goes, its canonical copy is built in its context with this same COPY line, which must stay.
            plan.Problem(reference.Source, reference.Line, $"the COPY is in {reference.Source}, itself a copy of {dockerfileCanonical} that may be built in its place with the same line; fold the Dockerfiles first, then run fix again");
            return;
        }

        var contexts = inputs.ContextsOf(reference.Source);
        if (contexts.Count > 1)
        {
            plan.Problem(reference.Source, reference.Line, $"{reference.Source} is built from {contexts.Count} contexts ({string.Join(", ", contexts.Select(c => c.Length == 0 ? "." : c))}); one COPY line cannot be repointed for all of them");
            return;
        }

        var context = contexts[0];
        if (!RepoPath.IsUnder(plan.Canonical, context))
        {
            plan.Problem(reference.Source, reference.Line, $"'{instruction.Keyword} {reference.Written}' copies {plan.Duplicate} from build context '{(context.Length == 0 ? "." : context)}', and the canonical {plan.Canonical} is outside that context: reaching it would change the context, and with it every other COPY of this Dockerfile");
            return;
        }

        if (inputs.IsIgnored(reference.Source, context, plan.Canonical))
        {
            plan.Problem(reference.Source, reference.Line, $"the .dockerignore of build context '{(context.Length == 0 ? "." : context)}' excludes {plan.Canonical}, so the COPY could not see it");
            return;
        }

        var words = instruction.IsExecForm ? instruction.ExecForm.ToList() : instruction.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var destination = words.Count > 0 ? words[^1] : "";
        var sameName = RepoPath.FileName(plan.Canonical) == RepoPath.FileName(plan.Duplicate);
        if (!sameName && (words.Count != 2 || destination.EndsWith('/') || destination is "." || RepoPath.FileName(destination) != RepoPath.FileName(plan.Duplicate)))
        {
            plan.Problem(reference.Source, reference.Line, $"'{instruction.Keyword} {reference.Written} {destination}' copies into a folder, and the canonical copy has another name ({RepoPath.FileName(plan.Canonical)}), so the file would land under that name; name the destination file first");
            return;
        }

        var (start, problem) = SpanFinder.CopySource(source, instruction, reference.Written);
        if (problem is not null)
        {
            plan.Problem(reference.Source, reference.Line, problem);
            return;
        }

        var inside = context.Length == 0 ? plan.Canonical : plan.Canonical[(context.Length + 1)..];
        var replacement = reference.Written.StartsWith('/') ? "/" + inside : reference.Written.StartsWith("./", StringComparison.Ordinal) ? "./" + inside : inside;
        if (!RepoPath.IsPlain(replacement))
        {
            plan.Problem(reference.Source, reference.Line, $"{plan.Canonical} has characters a COPY line would have to quote; edit it by hand");
            return;
        }

        plan.Edits.Add((reference.Source, new TextEdit(start, reference.Written.Length, replacement, FixSafety.Safe, reference.Line,
            $"{instruction.Keyword} '{reference.Written}' -> '{replacement}': the same bytes from the same build context '{(context.Length == 0 ? "." : context)}'")));
    }

    /// <summary>The value of a compose scalar without its quotes (a plain or quoted scalar on one line).</summary>
    private static (int Start, int Length, string? Problem) ScalarValue(SourceText text, ComposeScalar scalar)
    {
        var raw = text.Text.Substring(scalar.Span.Start, scalar.Span.Length);
        if (raw == scalar.Value)
            return (scalar.Span.Start, scalar.Span.Length, null);
        if (raw.Length >= 2 && raw[0] is '"' or '\'' && raw[^1] == raw[0] && raw[1..^1] == scalar.Value)
            return (scalar.Span.Start + 1, scalar.Span.Length - 2, null);
        return (0, 0, $"the value at line {scalar.Span.StartLine} is not a plain or quoted scalar on one line; edit it by hand");
    }

    /// <summary>A reference that cannot be known statically but ends with the copy's file name may mean the copy.</summary>
    private void Unknowable(CopyPlan plan)
    {
        var name = RepoPath.FileName(plan.Duplicate);
        foreach (var reference in model.References.References.Where(r => r.Unknowable is not null && r.Source != plan.Duplicate))
        {
            var written = reference.Written.Trim('"', '\'');
            var cut = written.LastIndexOfAny(['/', '}', ')', '$']);
            if (written[(cut + 1)..] == name)
                plan.Problem(reference.Source, reference.Line, $"'{reference.Written}' may name {plan.Duplicate} and cannot be resolved statically ({reference.Unknowable}), so deleting the copy is not provably safe");
        }
    }

    /// <summary>Paths the reference graph does not follow: an absolute path of an installed copy, a path in a string or a config file.</summary>
    private void Mentions(CopyPlan plan, HashSet<string> members)
    {
        var edited = plan.Edits.ToLookup(e => e.Path, e => e.Edit, StringComparer.Ordinal);
        foreach (var mention in mentions.Of(RepoPath.FileName(plan.Duplicate)))
        {
            if (members.Contains(mention.Path) || mention.InComment || mention.InDocumentation)
                continue;
            if (edited[mention.Path].Any(e => mention.Offset >= e.Start - 1 && mention.Offset < e.End + 1))
                continue;
            // A reference on that line was handled (repointed, refused, or resolved to another file) already.
            if (model.References.From(mention.Path).Any(r => r.Line == mention.Line && r.Written.Contains(mention.Token, StringComparison.Ordinal)))
                continue;
            // The value of a variable a reference uses ("CHECK=.../x.sh" then "bash $CHECK"): that reference decides.
            if (model.File(mention.Path)?.FactsAs<ShellFacts>() is { } shell
                && shell.Assignments.FirstOrDefault(a => a.Span.Start <= mention.Offset && mention.Offset < a.Span.End) is { } assignment
                && model.References.From(mention.Path).Any(r => r.Target == plan.Duplicate && (r.Written.Contains("$" + assignment.Name, StringComparison.Ordinal) || r.Written.Contains("${" + assignment.Name, StringComparison.Ordinal))))
                continue;
            var token = mention.Token.StartsWith("./", StringComparison.Ordinal) ? mention.Token[2..] : mention.Token;
            if (Names(token, plan.Canonical, full: true))
                continue;
            var absolute = mention.Absolute;
            if (Names(token, plan.Duplicate, full: true) || Names(token, plan.Duplicate, full: false))
            {
                plan.Problem(mention.Path, mention.Line, absolute
                    ? $"'{mention.Token}' runs or reads an installed copy by an absolute path outside the repository (not under installRoots), which may be {plan.Duplicate}; the tool cannot repoint it (add the install root to installRoots if it maps into the repository)"
                    : $"'{mention.Token}' names {plan.Duplicate} in a place the reference graph does not follow (a string or a configuration file); no rewriter, so point it at {plan.Canonical} by hand");
            }
        }
    }

    /// <summary>True when the token names <paramref name="path"/>: all of it, or (not full) its last two segments.</summary>
    private static bool Names(string token, string path, bool full)
    {
        if (full)
            return token == path || token.EndsWith("/" + path, StringComparison.Ordinal);
        var segments = path.Split('/');
        if (segments.Length < 2)
            return false;
        var tail = segments[^2] + "/" + segments[^1];
        return token == tail || token.EndsWith("/" + tail, StringComparison.Ordinal);
    }

    /// <summary>Run in place, the copy must behave as the canonical does from its own folder.</summary>
    private void LocationDependence(CopyPlan plan)
    {
        if (RepoPath.Directory(plan.Duplicate) == RepoPath.Directory(plan.Canonical))
            return;
        var file = model.File(plan.Duplicate)!;
        if (file.FactsAs<ShellFacts>() is { } shell)
        {
            var own = shell.Commands.SelectMany(c => c.Arguments.Prepend(c.Name)).Concat(shell.Assignments.Select(a => a.Value).OfType<ShellWord>())
                .FirstOrDefault(w => w.Parts.Any(p => p.Kind == ShellWordPartKind.ScriptDirectory));
            if (own is not null)
            {
                plan.Problem(plan.Duplicate, own.Span.StartLine, $"{plan.Duplicate} uses its own folder ('{own.Text}', line {own.Span.StartLine}); run as {plan.Canonical} it would see {RepoPath.Directory(plan.Canonical)}/ instead of {RepoPath.Directory(plan.Duplicate)}/");
                return;
            }
        }

        if (file.FactsAs<PythonFacts>() is { } python)
        {
            var relative = python.Imports.FirstOrDefault(i => i.Level > 0);
            var dunder = file.Tokens.FirstOrDefault(t => t.Kind == TokenKind.Identifier && t.Text == "__file__");
            if (relative is not null || dunder.Text is not null)
            {
                var line = relative?.Span.StartLine ?? dunder.Span.StartLine;
                plan.Problem(plan.Duplicate, line, $"{plan.Duplicate} depends on where it lives ({(relative is not null ? "a relative import" : "__file__")}, line {line}); run as {plan.Canonical} it would behave differently");
                return;
            }
        }

        var theirs = model.References.From(plan.Canonical).ToLookup(r => (r.Line, r.Written, r.Kind));
        foreach (var mine in model.References.From(plan.Duplicate))
        {
            var other = theirs[(mine.Line, mine.Written, mine.Kind)].FirstOrDefault();
            if (other is null || other.Target != mine.Target || other.Resolved != mine.Resolved)
            {
                plan.Problem(plan.Duplicate, mine.Line, $"'{mine.Written}' in {plan.Duplicate} resolves to {(mine.Resolved ? mine.Target : "nothing known")}, but from {plan.Canonical} to {(other is null ? "nothing" : other.Resolved ? other.Target : "nothing known")}: the copies behave differently where they live");
                return;
            }
        }
    }

    private void Mode(CopyPlan plan, bool referenced)
    {
        if (!disk.TryGetValue(plan.Duplicate, out var mine) || !disk.TryGetValue(plan.Canonical, out var theirs))
        {
            plan.Problem(plan.Duplicate, 1, "its bytes and mode were not read from disk, so the copies cannot be proven identical");
            return;
        }

        if (referenced && mine.Executable != theirs.Executable)
            plan.Problem(plan.Duplicate, 1, $"{(mine.Executable ? plan.Duplicate : plan.Canonical)} is executable and {(mine.Executable ? plan.Canonical : plan.Duplicate)} is not: COPY keeps the mode and a path run as a command needs it; align the modes first");
    }
}
