namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// A managed copy of a tree-sitter-bash tree, so the native tree is freed as soon as it is read. Nodes are stored in
/// pre-order (a parent before its children, siblings in source order); node <c>i</c>'s descendants are the indexes
/// <c>i + 1 .. SubtreeEnd(i) - 1</c>. Offsets are UTF-16 offsets into <see cref="Text"/>, the parsed snippet.
/// </summary>
internal sealed class ShellTree
{
    private const byte MissingFlag = 1;

    private ushort[] symbols;
    private ushort[] fields;
    private byte[] flags;
    private int[] starts;
    private int[] ends;
    private int[] parents;
    private int[] subtreeEnds;

    public ShellTree(string text, BashGrammar grammar, int capacity)
    {
        Text = text;
        Grammar = grammar;
        capacity = Math.Max(capacity, 1);
        symbols = new ushort[capacity];
        fields = new ushort[capacity];
        flags = new byte[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
        parents = new int[capacity];
        subtreeEnds = new int[capacity];
    }

    public string Text { get; }

    public BashGrammar Grammar { get; }

    public int Count { get; private set; }

    public BashNodeKind Kind(int node) => Grammar.Kind(symbols[node]);

    public string TypeName(int node) => Grammar.TypeName(symbols[node]);

    public bool IsNamed(int node) => Grammar.IsNamed(symbols[node]);

    public bool IsMissing(int node) => (flags[node] & MissingFlag) != 0;

    public ushort Field(int node) => fields[node];

    public int Start(int node) => starts[node];

    public int End(int node) => ends[node];

    public int Length(int node) => ends[node] - starts[node];

    public int Parent(int node) => parents[node];

    /// <summary>One past the last descendant of <paramref name="node"/>: the next node that is not inside it.</summary>
    public int SubtreeEnd(int node) => subtreeEnds[node];

    public bool IsLeaf(int node) => subtreeEnds[node] == node + 1;

    public int FirstChild(int node) => node + 1 < subtreeEnds[node] ? node + 1 : -1;

    public int NextSibling(int node)
    {
        var parent = parents[node];
        return parent >= 0 && subtreeEnds[node] < subtreeEnds[parent] ? subtreeEnds[node] : -1;
    }

    public ReadOnlySpan<char> Source(int node) => Text.AsSpan(starts[node], ends[node] - starts[node]);

    public string SourceText(int node) => Text.Substring(starts[node], ends[node] - starts[node]);

    public ChildList Children(int node) => new(this, node);

    /// <summary>The children that are named nodes, comments excluded.</summary>
    public List<int> NamedChildren(int node)
    {
        var result = new List<int>();
        foreach (var child in Children(node))
            if (IsNamed(child) && Kind(child) != BashNodeKind.Comment)
                result.Add(child);
        return result;
    }

    public int ChildWithField(int node, ushort field)
    {
        if (field == 0)
            return -1;
        foreach (var child in Children(node))
            if (fields[child] == field)
                return child;
        return -1;
    }

    public int FirstChildOfKind(int node, BashNodeKind kind)
    {
        foreach (var child in Children(node))
            if (Kind(child) == kind)
                return child;
        return -1;
    }

    /// <summary>True when the node is the anonymous token <paramref name="text"/> (a keyword or operator).</summary>
    public bool IsToken(int node, string text) => !IsNamed(node) && TypeName(node) == text;

    internal int Add(ushort symbol, ushort field, int start, int end, int parent)
    {
        if (Count == symbols.Length)
            Grow();
        var node = Count++;
        symbols[node] = symbol;
        fields[node] = field;
        starts[node] = start;
        ends[node] = Math.Max(start, end);
        parents[node] = parent;
        subtreeEnds[node] = node + 1;
        return node;
    }

    internal void MarkMissing(int node) => flags[node] |= MissingFlag;

    /// <summary>Called when every descendant of <paramref name="node"/> has been added.</summary>
    internal void Close(int node) => subtreeEnds[node] = Count;

    private void Grow()
    {
        var size = symbols.Length * 2;
        Array.Resize(ref symbols, size);
        Array.Resize(ref fields, size);
        Array.Resize(ref flags, size);
        Array.Resize(ref starts, size);
        Array.Resize(ref ends, size);
        Array.Resize(ref parents, size);
        Array.Resize(ref subtreeEnds, size);
    }

    /// <summary>The direct children of a node, without allocating.</summary>
    public readonly struct ChildList(ShellTree tree, int node)
    {
        public Enumerator GetEnumerator() => new(tree, node);

        public struct Enumerator(ShellTree tree, int node)
        {
            private int current = -1;
            private bool started;

            public readonly int Current => current;

            public bool MoveNext()
            {
                current = started ? (current < 0 ? -1 : tree.NextSibling(current)) : tree.FirstChild(node);
                started = true;
                return current >= 0;
            }
        }
    }
}
