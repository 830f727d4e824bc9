namespace Consolidate.Analyzers;

/// <summary>
/// Stands in for <c>Dictionary&lt;string, string&gt;.AlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;</c> and
/// <c>FrozenSet&lt;string&gt;.AlternateLookup</c> (.NET 9) in the netstandard2.0 build of the engine: the same calls,
/// keyed by strings, so a span lookup allocates its key. Only the analyzer package compiles this file.
/// </summary>
internal sealed class SpanKeyedStrings
{
    private readonly Dictionary<string, string> entries;

    public SpanKeyedStrings() => entries = new Dictionary<string, string>(StringComparer.Ordinal);

    public SpanKeyedStrings(IEnumerable<string> members)
        : this()
    {
        foreach (var member in members)
            entries[member] = member;
    }

    public string this[string key]
    {
        get => entries[key];
        set => entries[key] = value;
    }

    public bool TryGetValue(ReadOnlySpan<char> key, out string value) => entries.TryGetValue(key.ToString(), out value!);

    public bool Contains(ReadOnlySpan<char> key) => entries.ContainsKey(key.ToString());
}
