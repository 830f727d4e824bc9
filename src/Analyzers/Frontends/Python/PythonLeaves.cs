namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// The token-bearing nodes of a tree-sitter-python tree, copied out in source order so the native tree can be freed
/// at once: every non-empty leaf, and every string node whole (its parts are not visited). Offsets are UTF-16
/// offsets of the parsed text, end exclusive.
/// </summary>
internal sealed class PythonLeaves
{
    private ushort[] symbols;
    private int[] starts;
    private int[] ends;

    public PythonLeaves(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        symbols = new ushort[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    public int Count { get; private set; }

    public ushort Symbol(int leaf) => symbols[leaf];

    public int Start(int leaf) => starts[leaf];

    public int End(int leaf) => ends[leaf];

    internal void Add(ushort symbol, int start, int end)
    {
        if (Count == symbols.Length)
        {
            var size = symbols.Length * 2;
            Array.Resize(ref symbols, size);
            Array.Resize(ref starts, size);
            Array.Resize(ref ends, size);
        }

        symbols[Count] = symbol;
        starts[Count] = start;
        ends[Count] = end;
        Count++;
    }
}
