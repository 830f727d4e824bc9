namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>
/// A generated statement (or Dockerfile instruction, or unit header): a template whose <c>@iN@</c> slots are
/// identifiers and <c>@lN@</c> slots literals, so renamed copies can swap them consistently. Compound statements have
/// a body (indented) and a closing line (<c>fi</c>, <c>done</c>), both optional. A continued statement (a Dockerfile
/// RUN) renders its body as further commands joined by <c>&amp;&amp;</c> on continuation lines.
/// </summary>
internal sealed class SyntheticStatement
{
    public SyntheticStatement(string template, IReadOnlyList<string> ids, IReadOnlyList<string> literals, List<SyntheticStatement>? body = null, string? close = null, bool continued = false)
    {
        Continued = continued;
        Template = template;
        Ids = ids.ToArray();
        Literals = literals.ToArray();
        Body = body ?? [];
        Close = close;
    }

    public string Template { get; }

    public string[] Ids { get; }

    public string[] Literals { get; }

    public List<SyntheticStatement> Body { get; }

    public string? Close { get; }

    public bool Continued { get; }

    /// <summary>Which template produced it: near copies replace a statement by one of another shape.</summary>
    public string Shape => Template;

    public SyntheticStatement Map(Func<string, string> id, Func<string, string> literal) =>
        new(Template, Ids.Select(id).ToArray(), Literals.Select(literal).ToArray(), Body.Select(s => s.Map(id, literal)).ToList(), Close, Continued);

    public SyntheticStatement Clone() => Map(i => i, l => l);

    public string Head()
    {
        var text = Template;
        for (var i = Ids.Length - 1; i >= 0; i--)
            text = text.Replace("@i" + i + "@", Ids[i], StringComparison.Ordinal);
        for (var i = Literals.Length - 1; i >= 0; i--)
            text = text.Replace("@l" + i + "@", Literals[i], StringComparison.Ordinal);
        return text;
    }

    public void Render(List<string> lines, string indent, string step)
    {
        if (Continued)
        {
            lines.Add(indent + Head() + (Body.Count > 0 ? " \\" : ""));
            for (var i = 0; i < Body.Count; i++)
                lines.Add(indent + "    && " + Body[i].Head() + (i < Body.Count - 1 ? " \\" : ""));
            return;
        }

        foreach (var line in Head().Split('\n'))
            lines.Add(indent + line);
        foreach (var statement in Body)
            statement.Render(lines, indent + step, step);
        if (Close is not null)
            lines.Add(indent + Close);
    }
}
