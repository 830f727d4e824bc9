namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// A flag as ranges of the logical line: <see cref="ValueStart"/> is just past the first '=' (or -1 without one);
/// <see cref="Name"/> and <see cref="Value"/> are unquoted.
/// </summary>
internal sealed record FlagSyntax(string Name, string? Value, int Start, int End, int ValueStart)
{
    public static FlagSyntax From(string text, string word, int start, int end)
    {
        var body = word.Length >= 2 ? word[2..] : "";
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        var rawEq = text.IndexOf('=', start, end - start);
        return eq < 0
            ? new FlagSyntax(body, null, start, end, -1)
            : new FlagSyntax(body[..eq], body[(eq + 1)..], start, end, rawEq < 0 ? -1 : rawEq + 1);
    }
}
