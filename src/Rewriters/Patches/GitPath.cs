using System.Text;

namespace Consolidate.Rewriters.Patches;

/// <summary>
/// Writes a path the way git's diff does: C-style quoted ("a/\303\251t\303\251") when it holds a quote, a backslash, a
/// control character or a non-ASCII byte; as is otherwise, even with spaces (git then ends the ---/+++ line with a tab
/// so that patch(1) knows where the name stops).
/// </summary>
public static class GitPath
{
    public static string Quote(string prefixedPath)
    {
        var bytes = Encoding.UTF8.GetBytes(prefixedPath);
        if (!bytes.Any(NeedsQuote))
            return prefixedPath;
        var b = new StringBuilder("\"");
        foreach (var c in bytes)
        {
            switch (c)
            {
                case (byte)'"': b.Append("\\\""); break;
                case (byte)'\\': b.Append("\\\\"); break;
                case (byte)'\a': b.Append("\\a"); break;
                case (byte)'\b': b.Append("\\b"); break;
                case (byte)'\t': b.Append("\\t"); break;
                case (byte)'\n': b.Append("\\n"); break;
                case (byte)'\v': b.Append("\\v"); break;
                case (byte)'\f': b.Append("\\f"); break;
                case (byte)'\r': b.Append("\\r"); break;
                default:
                    if (c < 0x20 || c >= 0x7F)
                        b.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
                    else
                        b.Append((char)c);
                    break;
            }
        }

        return b.Append('"').ToString();
    }

    /// <summary>The name on a ---/+++ line: quoted as above, or followed by a tab when it has a space and no quoting.</summary>
    public static string HeaderName(string prefixedPath)
    {
        var quoted = Quote(prefixedPath);
        return quoted[0] != '"' && prefixedPath.Contains(' ') ? quoted + "\t" : quoted;
    }

    private static bool NeedsQuote(byte c) => c is (byte)'"' or (byte)'\\' || c < 0x20 || c >= 0x7F;
}
