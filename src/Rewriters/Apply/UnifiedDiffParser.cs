using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// Reads the git-style unified diffs <c>fix</c> writes (<see cref="Patches.PatchRenderer"/>): free text before the first
/// <c>diff --git</c>, then per file the header, <c>new file mode</c>/<c>deleted file mode</c>, <c>---</c>/<c>+++</c> with
/// git's path quoting, and hunks with <c>\ No newline at end of file</c>. Anything else (renames, mode changes, binary
/// patches, stray lines) is refused with its line number rather than guessed at: the set is our own format.
/// </summary>
public static partial class UnifiedDiffParser
{
    private static readonly Encoding Bytes = Encoding.Latin1;

    public static (ImmutableArray<DiffFile> Files, string? Problem) Parse(byte[] patch, string name)
    {
        var lines = SplitLines(Bytes.GetString(patch));
        var files = ImmutableArray.CreateBuilder<DiffFile>();
        var i = 0;
        while (i < lines.Count && !lines[i].StartsWith("diff --git ", StringComparison.Ordinal))
            i++;

        while (i < lines.Count)
        {
            var (file, next, problem) = ParseFile(lines, i);
            if (problem is not null)
                return ([], $"{name}, line {i + 1}: {problem}");
            files.Add(file!);
            i = next;
        }

        var duplicate = files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null ? ([], $"{name}: '{duplicate.Key}' has more than one section") : (files.ToImmutable(), null);
    }

    private static (DiffFile? File, int Next, string? Problem) ParseFile(List<string> lines, int start)
    {
        var header = Trim(lines[start])["diff --git ".Length..];
        var (path, problem) = HeaderPath(header);
        if (path is null)
            return (null, start, problem);

        var i = start + 1;
        var kind = DiffKind.Edit;
        string? mode = null;
        for (; i < lines.Count && !lines[i].StartsWith("---", StringComparison.Ordinal) && !lines[i].StartsWith("diff --git ", StringComparison.Ordinal); i++)
        {
            var line = Trim(lines[i]);
            if (line.StartsWith("new file mode ", StringComparison.Ordinal))
                (kind, mode) = (DiffKind.Create, line["new file mode ".Length..]);
            else if (line.StartsWith("deleted file mode ", StringComparison.Ordinal))
                (kind, mode) = (DiffKind.Delete, line["deleted file mode ".Length..]);
            else if (!line.StartsWith("index ", StringComparison.Ordinal))
                return (null, i, $"'{path}': unsupported header line '{line}' (renames, mode changes and binary patches are not part of the patch-set format)");
        }

        if (mode is not null and not ("100644" or "100755"))
            return (null, i, $"'{path}': unsupported file mode {mode}");

        var hunks = ImmutableArray.CreateBuilder<DiffHunk>();
        if (i < lines.Count && lines[i].StartsWith("---", StringComparison.Ordinal))
        {
            if (i + 1 >= lines.Count || !lines[i + 1].StartsWith("+++", StringComparison.Ordinal))
                return (null, i, $"'{path}': '---' without '+++'");
            var oldName = NameOf(Trim(lines[i])[3..].TrimStart(' '));
            var newName = NameOf(Trim(lines[i + 1])[3..].TrimStart(' '));
            var expectedOld = kind == DiffKind.Create ? "/dev/null" : "a/" + path;
            var expectedNew = kind == DiffKind.Delete ? "/dev/null" : "b/" + path;
            if (oldName != expectedOld || newName != expectedNew)
                return (null, i, $"'{path}': ---/+++ name '{oldName}' -> '{newName}', expected '{expectedOld}' -> '{expectedNew}'");
            i += 2;
            while (i < lines.Count && lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                var (hunk, next, hunkProblem) = ParseHunk(lines, i);
                if (hunk is null)
                    return (null, i, $"'{path}': {hunkProblem}");
                hunks.Add(hunk);
                i = next;
            }

            if (hunks.Count == 0)
                return (null, i, $"'{path}': no hunk after ---/+++");
        }
        else if (kind == DiffKind.Edit)
        {
            return (null, i, $"'{path}': a change without ---/+++ and hunks");
        }

        if (i < lines.Count && !lines[i].StartsWith("diff --git ", StringComparison.Ordinal))
            return (null, i, $"'{path}': unexpected line '{Trim(lines[i])}' after the last hunk");
        return (new DiffFile(path, kind, mode, hunks.ToImmutable()), i, null);
    }

    private static (DiffHunk? Hunk, int Next, string? Problem) ParseHunk(List<string> lines, int start)
    {
        var match = HunkHeader().Match(lines[start]);
        if (!match.Success)
            return (null, start, $"bad hunk header '{Trim(lines[start])}'");
        var oldStart = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var oldCount = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
        var newStart = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        var newCount = match.Groups[4].Success ? int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture) : 1;

        var body = new List<(char Kind, string Text)>();
        int oldSeen = 0, newSeen = 0, i = start + 1;
        while (oldSeen < oldCount || newSeen < newCount)
        {
            if (i >= lines.Count)
                return (null, i, $"hunk '{Trim(lines[start])}' ends early");
            var line = lines[i];
            var kind = line.Length > 0 ? line[0] : '\0';
            switch (kind)
            {
                case ' ': oldSeen++; newSeen++; break;
                case '-': oldSeen++; break;
                case '+': newSeen++; break;
                case '\\' when body.Count > 0: body[^1] = (body[^1].Kind, Trim(body[^1].Text)); i++; continue;
                default: return (null, i, $"line {i + 1}: '{Trim(line)}' is not a hunk line");
            }

            if (oldSeen > oldCount || newSeen > newCount)
                return (null, i, $"hunk '{Trim(lines[start])}' has more lines than its header says");
            body.Add((kind, line[1..]));
            i++;
        }

        if (i < lines.Count && lines[i].StartsWith('\\'))
        {
            body[^1] = (body[^1].Kind, Trim(body[^1].Text));
            i++;
        }

        return (new DiffHunk(oldStart, oldCount, newStart, newCount, body.ToImmutableArray()), i, null);
    }

    /// <summary>The path of <c>a/P b/P</c> (either side C-quoted or not); a rename (two different paths) is refused.</summary>
    private static (string? Path, string? Problem) HeaderPath(string header)
    {
        string a, b;
        if (header.StartsWith('"'))
        {
            var (first, end) = Unquote(header, 0);
            if (first is null || end >= header.Length || header[end] != ' ')
                return (null, $"cannot read the paths of 'diff --git {header}'");
            a = first;
            b = header[(end + 1)..].StartsWith('"') ? Unquote(header, end + 1).Value ?? "" : Utf8(header[(end + 1)..]);
        }
        else if (header.Contains(" \"", StringComparison.Ordinal))
        {
            var at = header.IndexOf(" \"", StringComparison.Ordinal);
            a = Utf8(header[..at]);
            b = Unquote(header, at + 1).Value ?? "";
        }
        else
        {
            if (header.Length % 2 == 0)
                return (null, $"cannot read the paths of 'diff --git {header}'");
            var half = header.Length / 2;
            a = Utf8(header[..half]);
            b = Utf8(header[(half + 1)..]);
        }

        if (!a.StartsWith("a/", StringComparison.Ordinal) || !b.StartsWith("b/", StringComparison.Ordinal) || a[2..] != b[2..])
            return (null, $"'diff --git {header}' is not one path changed in place (renames and copies are not part of the patch-set format)");
        return (a[2..], null);
    }

    /// <summary>A ---/+++ name: C-quoted, or as is up to a tab (git ends a name holding a space with one).</summary>
    private static string NameOf(string text)
    {
        if (text.StartsWith('"'))
            return Unquote(text, 0).Value ?? text;
        var tab = text.IndexOf('\t', StringComparison.Ordinal);
        return Utf8(tab < 0 ? text : text[..tab]);
    }

    /// <summary>An unquoted name as git writes it: raw UTF-8 bytes, which reading the patch as Latin-1 left one char per byte.</summary>
    private static string Utf8(string latin1) => Encoding.UTF8.GetString(Bytes.GetBytes(latin1));

    /// <summary>Reads git's C-quoted string at <paramref name="start"/> (octal escapes are UTF-8 bytes); returns the text and the index after the closing quote.</summary>
    private static (string? Value, int End) Unquote(string text, int start)
    {
        var bytes = new List<byte>();
        var i = start + 1;
        while (i < text.Length && text[i] != '"')
        {
            var c = text[i];
            if (c != '\\')
            {
                bytes.Add((byte)c);
                i++;
                continue;
            }

            if (++i >= text.Length)
                return (null, i);
            var e = text[i];
            if (e is >= '0' and <= '3' && i + 2 < text.Length)
            {
                bytes.Add((byte)Convert.ToInt32(text.Substring(i, 3), 8));
                i += 3;
                continue;
            }

            bytes.Add(e switch
            {
                'a' => 7, 'b' => 8, 't' => 9, 'n' => 10, 'v' => 11, 'f' => 12, 'r' => 13,
                _ => (byte)e,
            });
            i++;
        }

        if (i >= text.Length)
            return (null, i);
        // The patch was read as Latin-1, so each char here is one byte of the UTF-8 path.
        return (Encoding.UTF8.GetString(bytes.ToArray()), i + 1);
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var end = text.IndexOf('\n', at);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[at..end]);
            at = end;
        }

        return lines;
    }

    private static string Trim(string line) => line.EndsWith('\n') ? line[..^1] : line;

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();
}
