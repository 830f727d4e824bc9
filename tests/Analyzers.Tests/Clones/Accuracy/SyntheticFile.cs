using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>
/// A generated file: prelude lines, units (functions, stages), epilogue lines. Rendering records the lines of each
/// unit and statement, so planted members know where they ended up. Rendering with a <see cref="Random"/> adds
/// comments and blank lines (layout changes an exact clone may have).
/// </summary>
internal sealed class SyntheticFile
{
    private readonly Dictionary<SyntheticStatement, (int First, int Last)> statementLines = new(ReferenceEqualityComparer.Instance);

    public SyntheticFile(Language language) => Language = language;

    public Language Language { get; }

    public List<string> Prelude { get; } = [];

    public List<SyntheticStatement> Units { get; } = [];

    public List<string> Epilogue { get; } = [];

    public List<(int First, int Last)> UnitLines { get; } = [];

    public SyntheticFile Clone() => Map((i => i, l => l));

    public SyntheticFile Map((Func<string, string> Id, Func<string, string> Literal) renaming)
    {
        var copy = new SyntheticFile(Language);
        copy.Prelude.AddRange(Prelude);
        copy.Units.AddRange(Units.Select(u => u.Map(renaming.Id, renaming.Literal)));
        copy.Epilogue.AddRange(Epilogue);
        return copy;
    }

    public (int First, int Last) StatementLines(SyntheticStatement unit, int first, int last) =>
        (statementLines[unit.Body[first]].First, statementLines[unit.Body[last]].Last);

    public string Render(Random? layout)
    {
        var lines = new List<string>();
        if (layout is not null)
            lines.Add(Language == Language.Shell ? "# copied from the deploy tooling" : "# copied from the shared tooling");
        lines.AddRange(Prelude);
        UnitLines.Clear();
        statementLines.Clear();
        var step = Language switch { Language.Python => "    ", Language.Shell => "  ", _ => "" };
        foreach (var unit in Units)
        {
            var first = lines.Count + 1;
            lines.AddRange(unit.Head().Split('\n'));
            foreach (var statement in unit.Body)
            {
                if (layout is not null && layout.Next(4) == 0)
                    lines.Add(Language == Language.Dockerfile ? "" : step + "# " + (layout.Next(2) == 0 ? "keep in sync" : "see docs"));
                var start = lines.Count + 1;
                statement.Render(lines, step, step);
                statementLines[statement] = (start, lines.Count);
            }

            if (unit.Close is not null)
                lines.Add(unit.Close);
            UnitLines.Add((first, lines.Count));
            lines.Add("");
            if (layout is not null && layout.Next(2) == 0)
                lines.Add("");
        }

        lines.AddRange(Epilogue);
        return string.Join("\n", lines) + "\n";
    }
}
