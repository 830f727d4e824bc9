using System.Collections.Immutable;
using System.Globalization;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>
/// Generates a repository of Python, shell and Dockerfiles with planted clone classes and hard negatives, from a seed.
/// Planted, per language: whole-file and fragment (function, stage) classes of each kind: exact (copies with comments
/// and blank lines added), renamed (every identifier and literal changed consistently) and near (10–20% of the
/// statements deleted, replaced by a statement of another shape, or followed by an inserted one); and exact runs of
/// statements pasted into unrelated functions. Hard negatives: scripts sharing only the shell prelude and echo lines,
/// Python files sharing imports, logging set-up and the main guard, Dockerfiles sharing FROM and apt-get lines, and
/// scripts or Dockerfiles with the same structure but different commands. Everything else is unrelated noise.
/// </summary>
internal sealed class SyntheticRepositoryGenerator
{
    private static readonly Language[] Languages = [Language.Python, Language.Shell, Language.Dockerfile];

    private readonly Random random;
    private readonly SyntheticCode code;
    private readonly List<(string Path, string Text)> files = [];
    private readonly List<PlantedClass> classes = [];
    private int fileNumber;

    public SyntheticRepositoryGenerator(int seed)
    {
        random = new Random(seed);
        code = new SyntheticCode(random);
    }

    public SyntheticRepository Generate(int classesPerKind = 3, int noiseFiles = 30, int negativeGroups = 1)
    {
        foreach (var language in Languages)
        {
            foreach (var kind in new[] { CloneKind.Exact, CloneKind.Renamed, CloneKind.Near })
            {
                for (var c = 0; c < classesPerKind; c++)
                {
                    PlantFileClass(language, kind);
                    PlantFragmentClass(language, kind);
                }
            }

            if (language != Language.Dockerfile)
                for (var c = 0; c < classesPerKind; c++)
                    PlantStatementRun(language);
        }

        for (var g = 0; g < negativeGroups; g++)
        {
            ShellPreludeFriends(12);
            PythonBoilerplateFriends(12);
            DockerfileBoilerplateFriends(12);
            SameStructureDifferentCommands(Language.Shell, 6);
            SameStructureDifferentCommands(Language.Dockerfile, 6);
        }

        for (var n = 0; n < noiseFiles; n++)
            foreach (var language in Languages)
                AddFile(language, RandomFile(language).Render(null));

        return new SyntheticRepository(files.ToImmutableArray(), classes.ToImmutableArray());
    }

    // ---- planting -------------------------------------------------------------------------------------------------

    private void PlantFileClass(Language language, CloneKind kind)
    {
        var original = RandomFile(language);
        var members = new List<CloneMember>();
        var copies = random.Next(2, 5);
        for (var i = 0; i < copies; i++)
        {
            var copy = i == 0 ? original : Variant(original, kind, language);
            var text = copy.Render(kind == CloneKind.Exact && i > 0 ? random : null);
            var path = AddFile(language, text);
            members.Add(new CloneMember(path, 1, LineCount(text), null));
        }

        classes.Add(new PlantedClass($"file-{language}-{kind}-{classes.Count}", language, CloneScope.File, kind, members.ToImmutableArray()));
    }

    private void PlantFragmentClass(Language language, CloneKind kind)
    {
        var unit = RandomUnit(language);
        var members = new List<CloneMember>();
        var copies = random.Next(2, 5);
        for (var i = 0; i < copies; i++)
        {
            var copy = i == 0 ? unit : VariantUnit(unit, kind, language);
            var host = RandomFile(language);
            var position = random.Next(host.Units.Count + 1);
            host.Units.Insert(position, copy);
            var text = host.Render(kind == CloneKind.Exact && i > 0 ? random : null);
            var path = AddFile(language, text);
            var (start, end) = host.UnitLines[position];
            members.Add(new CloneMember(path, start, end, null));
        }

        classes.Add(new PlantedClass($"fragment-{language}-{kind}-{classes.Count}", language, CloneScope.Fragment, kind, members.ToImmutableArray()));
    }

    private void PlantStatementRun(Language language)
    {
        var run = new List<SyntheticStatement>();
        while (run.Count < 6 || SyntheticCode.EstimateTokens(run) < 80)
            run.Add(language == Language.Python ? code.PythonStatement(1) : code.ShellStatement(1));
        var members = new List<CloneMember>();
        var copies = random.Next(2, 4);
        for (var i = 0; i < copies; i++)
        {
            var host = RandomFile(language);
            var target = host.Units[random.Next(host.Units.Count)];
            var at = random.Next(1, target.Body.Count);
            target.Body.InsertRange(at, run.Select(s => s.Clone()));
            var text = host.Render(null);
            var path = AddFile(language, text);
            var (first, last) = host.StatementLines(target, at, at + run.Count - 1);
            members.Add(new CloneMember(path, first, last, null));
        }

        classes.Add(new PlantedClass($"run-{language}-{classes.Count}", language, CloneScope.Fragment, CloneKind.Exact, members.ToImmutableArray()));
    }

    private SyntheticFile Variant(SyntheticFile original, CloneKind kind, Language language) => kind switch
    {
        CloneKind.Exact => original.Clone(),
        CloneKind.Renamed => original.Map(Renaming(language)),
        _ => Edited(original.Clone(), language),
    };

    private SyntheticStatement VariantUnit(SyntheticStatement unit, CloneKind kind, Language language)
    {
        if (kind == CloneKind.Exact)
            return unit.Clone();
        if (kind == CloneKind.Renamed)
        {
            var (id, literal) = Renaming(language);
            return unit.Map(id, literal);
        }

        var copy = unit.Clone();
        EditStatements(copy.Body, language);
        return copy;
    }

    private (Func<string, string> Id, Func<string, string> Literal) Renaming(Language language)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var literals = new Dictionary<string, string>(StringComparer.Ordinal);
        return (
            id => ids.TryGetValue(id, out var renamed) ? renamed : ids[id] = Fresh(id),
            literal => literals.TryGetValue(literal, out var renamed) ? renamed : literals[literal] = code.LiteralLike(literal, language));

        string Fresh(string id)
        {
            var next = code.Id() + "_" + code.Word();
            return id.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? next.ToUpperInvariant() : next;
        }
    }

    private SyntheticFile Edited(SyntheticFile file, Language language)
    {
        foreach (var unit in file.Units)
            EditStatements(unit.Body, language);
        return file;
    }

    /// <summary>
    /// Edits 10–20% of the simple statements (at any depth; each command of a Dockerfile RUN after the first counts as
    /// one): deletes it, replaces it by a statement of another shape, or inserts a new statement after it. At least one.
    /// </summary>
    private void EditStatements(List<SyntheticStatement> body, Language language)
    {
        var slots = new List<(List<SyntheticStatement> List, SyntheticStatement Statement, bool InRun)>();
        Collect(body, false);
        var rate = 0.10 + random.NextDouble() * 0.10;
        var chosen = slots.Where(_ => random.NextDouble() < rate).ToList();
        if (chosen.Count == 0)
            chosen.Add(slots[random.Next(slots.Count)]);
        foreach (var (list, statement, inRun) in chosen)
        {
            var at = list.IndexOf(statement);
            if (at < 0)
                continue;
            switch (random.Next(3))
            {
                case 0 when list.Count > 2:
                    list.RemoveAt(at);
                    break;
                case 1:
                    list[at] = Simple(language, inRun, statement.Shape);
                    break;
                default:
                    list.Insert(at + 1, Simple(language, inRun, null));
                    break;
            }
        }

        void Collect(List<SyntheticStatement> statements, bool inRun)
        {
            foreach (var statement in statements)
            {
                if (statement.Body.Count == 0)
                    slots.Add((statements, statement, inRun));
                if (statement.Body.Count > 0)
                    Collect(statement.Body, statement.Continued);
            }
        }
    }

    private SyntheticStatement Simple(Language language, bool inRun, string? avoidShape) => language switch
    {
        Language.Python => code.PythonStatement(2, avoidShape),
        Language.Shell => code.ShellStatement(2, avoidShape),
        _ when inRun => code.ShellCommand(avoidShape),
        _ => code.DockerInstruction(avoidShape, allowRun: false),
    };

    // ---- hard negatives -------------------------------------------------------------------------------------------

    private void ShellPreludeFriends(int count)
    {
        var echoes = Enumerable.Range(0, 4).Select(_ => "echo \"== " + code.Word() + " " + code.Word() + " ==\"").ToList();
        for (var i = 0; i < count; i++)
        {
            var lines = new List<string> { "#!/usr/bin/env bash", "set -euo pipefail", "" };
            lines.AddRange(echoes);
            foreach (var statement in Enumerable.Range(0, random.Next(7, 11)).Select(_ => code.ShellStatement()))
                statement.Render(lines, "", "  ");
            lines.Add("echo \"done\"");
            AddFile(Language.Shell, string.Join("\n", lines) + "\n");
        }
    }

    private void PythonBoilerplateFriends(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var file = RandomFile(Language.Python);
            file.Prelude.Clear();
            file.Prelude.AddRange(["\"\"\"Licensed under the Apache License, Version 2.0.\"\"\"", "import argparse", "import logging", "import sys", "",
                "log = logging.getLogger(__name__)", ""]);
            file.Epilogue.Clear();
            file.Epilogue.AddRange(["", "if __name__ == \"__main__\":", "    sys.exit(main())"]);
            AddFile(Language.Python, file.Render(null));
        }
    }

    private void DockerfileBoilerplateFriends(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var lines = new List<string>
            {
                "FROM debian:12-slim",
                "RUN apt-get update \\",
                "    && apt-get install -y --no-install-recommends ca-certificates curl \\",
                "    && rm -rf /var/lib/apt/lists/*",
            };
            foreach (var instruction in Enumerable.Range(0, random.Next(9, 13)).Select(_ => code.DockerInstruction()))
                instruction.Render(lines, "", "");
            AddFile(Language.Dockerfile, string.Join("\n", lines) + "\n");
        }
    }

    /// <summary>Files with one skeleton (the same sequence of statement shapes) but different commands in each.</summary>
    private void SameStructureDifferentCommands(Language language, int count)
    {
        var skeleton = Enumerable.Range(0, 12).Select(_ => random.Next(3)).ToList();
        for (var i = 0; i < count; i++)
        {
            var lines = language == Language.Shell ? new List<string> { "#!/bin/sh", "set -e" } : ["FROM alpine:3.20"];
            foreach (var shape in skeleton)
            {
                var statement = language == Language.Shell
                    ? shape switch
                    {
                        0 => code.ShellCommand(),
                        1 => new SyntheticStatement("if [ -d \"$@i0@\" ]; then", ["TARGET"], [], [code.ShellCommand(), code.ShellCommand()], "fi"),
                        _ => new SyntheticStatement("for item in @l0@ @l1@; do", [], ["a", "b"], [code.ShellCommand()], "done"),
                    }
                    : shape switch
                    {
                        0 => new SyntheticStatement("RUN " + code.ShellCommand().Head(), [], []),
                        1 => new SyntheticStatement("WORKDIR /srv/" + code.Word(), [], []),
                        _ => new SyntheticStatement("COPY " + code.Word() + "/ /srv/" + code.Word() + "/", [], []),
                    };
                statement.Render(lines, "", "  ");
            }

            AddFile(language, string.Join("\n", lines) + "\n");
        }
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    private SyntheticFile RandomFile(Language language)
    {
        var file = new SyntheticFile(language);
        switch (language)
        {
            case Language.Python:
                file.Prelude.AddRange(code.PythonImports(random.Next(2, 5)));
                file.Prelude.Add("");
                break;
            case Language.Shell:
                file.Prelude.AddRange(["#!/usr/bin/env bash", "set -euo pipefail", ""]);
                break;
        }

        var units = random.Next(2, 4);
        for (var u = 0; u < units; u++)
            file.Units.Add(RandomUnit(language, language == Language.Dockerfile && u < units - 1 ? code.Word() + "-" + u.ToString(CultureInfo.InvariantCulture) : null));
        return file;
    }

    private SyntheticStatement RandomUnit(Language language, string? stageName = null) => language switch
    {
        Language.Python => code.PythonFunction(random.Next(80, 160)),
        Language.Shell => code.ShellFunction(random.Next(80, 140)),
        _ => code.DockerStage(random.Next(75, 120), stageName ?? code.Word()),
    };

    private string AddFile(Language language, string text)
    {
        var number = (++fileNumber).ToString("D4", CultureInfo.InvariantCulture);
        var folder = code.Word() + "/" + code.Word();
        var path = language switch
        {
            Language.Python => $"{folder}/m{number}.py",
            Language.Shell => $"{folder}/s{number}.sh",
            _ => $"{folder}/d{number}/Dockerfile",
        };
        files.Add((path, text));
        return path;
    }

    private static int LineCount(string text) => new SourceText(text).LineCount;
}
