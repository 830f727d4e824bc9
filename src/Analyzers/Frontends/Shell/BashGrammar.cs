using System.Collections.Immutable;
using System.Text;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// The symbol and field tables of the bash grammar, read once from the native language: symbol id to type name,
/// named-ness and <see cref="BashNodeKind"/>, and field ids by name.
/// </summary>
internal sealed class BashGrammar
{
    private readonly ImmutableArray<string> symbolNames;
    private readonly ImmutableArray<bool> symbolNamed;
    private readonly ImmutableArray<BashNodeKind> symbolKinds;
    private readonly ImmutableArray<string> fieldNames;

    public BashGrammar(ImmutableArray<string> symbolNames, ImmutableArray<bool> symbolNamed, ImmutableArray<string> fieldNames)
    {
        this.symbolNames = symbolNames;
        this.symbolNamed = symbolNamed;
        this.fieldNames = fieldNames;
        symbolKinds = symbolNames.Select((name, symbol) => KindOf(name, symbolNamed[symbol])).ToImmutableArray();
        NameField = FieldId("name");
        ArgumentField = FieldId("argument");
        BodyField = FieldId("body");
        ValueField = FieldId("value");
    }

    public ushort NameField { get; }

    public ushort ArgumentField { get; }

    public ushort BodyField { get; }

    public ushort ValueField { get; }

    public BashNodeKind Kind(ushort symbol) => symbol < symbolKinds.Length ? symbolKinds[symbol] : BashNodeKind.Error;

    public string TypeName(ushort symbol) => symbol < symbolNames.Length ? symbolNames[symbol] : "ERROR";

    public bool IsNamed(ushort symbol) => symbol >= symbolNamed.Length || symbolNamed[symbol];

    /// <summary>The id of a field (0, which no node carries, when the grammar has no such field).</summary>
    public ushort FieldId(string name)
    {
        var index = fieldNames.IndexOf(name);
        return index > 0 ? (ushort)index : (ushort)0;
    }

    private static BashNodeKind KindOf(string name, bool named)
    {
        if (!named)
            return BashNodeKind.Anonymous;
        if (name == "ERROR")
            return BashNodeKind.Error;

        var pascal = new StringBuilder(name.Length);
        foreach (var piece in name.Split('_', StringSplitOptions.RemoveEmptyEntries))
            pascal.Append(char.ToUpperInvariant(piece[0])).Append(piece, 1, piece.Length - 1);
        return Enum.TryParse<BashNodeKind>(pascal.ToString(), ignoreCase: false, out var kind) && kind is not (BashNodeKind.Anonymous or BashNodeKind.Error)
            ? kind
            : BashNodeKind.Other;
    }
}
