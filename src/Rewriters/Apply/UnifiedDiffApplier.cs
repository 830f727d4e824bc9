using System.Text;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// Applies one parsed file section to the file's bytes in memory, strictly: every hunk must match at the line its header
/// names, context and removed lines byte for byte (line breaks and a missing last break included), with no fuzz and no
/// offset, because <c>apply</c> has already checked that the file is the one the set was made from. A created file must
/// not exist and a deleted one must be removed whole. The result equals what <c>git apply</c> writes.
/// </summary>
public static class UnifiedDiffApplier
{
    private static readonly Encoding Bytes = Encoding.Latin1;

    /// <summary>The bytes after the change (null when the file is deleted), or the reason it does not apply.</summary>
    public static (byte[]? After, string? Problem) Apply(DiffFile file, byte[]? before)
    {
        switch (file.Kind)
        {
            case DiffKind.Create when before is not null:
                return (null, $"'{file.Path}' is created by the patch but already exists");
            case DiffKind.Edit or DiffKind.Delete when before is null:
                return (null, $"'{file.Path}' does not exist");
        }

        var lines = SplitLines(Bytes.GetString(before ?? []));
        var output = new StringBuilder();
        var at = 0;
        for (var h = 0; h < file.Hunks.Length; h++)
        {
            var hunk = file.Hunks[h];
            var index = hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart - 1;
            if (index < at || index + hunk.OldCount > lines.Count)
                return (null, $"'{file.Path}': hunk {h + 1} (@@ -{hunk.OldStart},{hunk.OldCount}) lies outside the file or before the previous hunk");
            for (; at < index; at++)
                output.Append(lines[at]);

            foreach (var (kind, text) in hunk.Lines)
            {
                if (kind is ' ' or '-')
                {
                    if (at >= lines.Count || !string.Equals(lines[at], text, StringComparison.Ordinal))
                        return (null, $"'{file.Path}': hunk {h + 1} does not match at line {at + 1}: expected {Show(text)}, found {(at < lines.Count ? Show(lines[at]) : "the end of the file")}");
                    at++;
                }

                if (kind is ' ' or '+')
                    output.Append(text);
            }
        }

        for (; at < lines.Count; at++)
        {
            if (file.Kind == DiffKind.Delete)
                return (null, $"'{file.Path}': the deletion does not cover the whole file (line {at + 1} is left)");
            output.Append(lines[at]);
        }

        return file.Kind == DiffKind.Delete ? (null, null) : (Bytes.GetBytes(output.ToString()), null);
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static string Show(string line)
    {
        var text = line.EndsWith('\n') ? line[..^1] : line + " (no line break)";
        return "'" + (text.Length > 80 ? text[..80] + "…" : text) + "'";
    }
}
