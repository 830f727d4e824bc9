namespace Consolidate.Analyzers.Frontends.Compose;

/// <summary>
/// A node of the YAML tree the compose reader builds from parser events. Aliases stay references to their anchored
/// node (never copied), so an alias bomb costs no more memory than its text. Offsets are into the document text.
/// </summary>
internal abstract class YamlValue(int start, int end, int line)
{
    public int Start { get; } = start;

    public int End { get; set; } = end;

    public int Line { get; } = line;

    /// <summary>How many nodes this value would have with every alias expanded (saturating).</summary>
    public long ExpandedSize { get; set; } = 1;

    public abstract string Kind { get; }
}

internal sealed class YamlScalarValue(int start, int end, int line, string value, bool plain) : YamlValue(start, end, line)
{
    public string Value { get; } = value;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar: YAML's null.</summary>
    public bool IsNull { get; } = plain && value is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => "scalar";
}

internal sealed class YamlMappingValue(int start, int line, bool flow) : YamlValue(start, start, line)
{
    public bool Flow { get; } = flow;

    /// <summary>Entries as written; a repeated key is left out (the first one counts).</summary>
    public List<(YamlValue Key, YamlValue Value)> Entries { get; } = [];

    public override string Kind => "mapping";
}

internal sealed class YamlSequenceValue(int start, int line, bool flow) : YamlValue(start, start, line)
{
    public bool Flow { get; } = flow;

    public List<YamlValue> Items { get; } = [];

    public override string Kind => "sequence";
}

internal sealed class YamlAliasValue(int start, int end, int line, string name, YamlValue? target) : YamlValue(start, end, line)
{
    public string Name { get; } = name;

    /// <summary>The anchored node, or null when the anchor is unknown or would expand past the budget.</summary>
    public YamlValue? Target { get; } = target;

    public override string Kind => "alias";
}
