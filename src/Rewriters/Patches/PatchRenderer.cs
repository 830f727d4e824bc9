using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Consolidate.Rewriters.Patches;

/// <summary>
/// Renders git-style unified diffs that apply with <c>git apply</c> and <c>patch -p1</c>: a DiffPlex line diff over the
/// raw bytes (read as Latin-1, one char per byte, so CRLF, a BOM and any encoding pass through untouched), hunks with
/// three lines of context merged when they are close, <c>\ No newline at end of file</c> where a last line has no
/// break, <c>new file mode</c>/<c>deleted file mode</c> with /dev/null sides, git's path quoting.
/// </summary>
public static class PatchRenderer
{
    public const int Context = 3;

    private static readonly Encoding Bytes = Encoding.Latin1;

    /// <summary>The patch: <paramref name="preamble"/> (free text for the reviewer) then one diff per file, sorted by path.</summary>
    public static byte[] Render(string preamble, IEnumerable<FilePatch> files)
    {
        using var output = new MemoryStream();
        var text = Preamble(preamble);
        output.Write(Encoding.UTF8.GetBytes(text));
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            RenderFile(output, file);
        return output.ToArray();
    }

    /// <summary>One file's diff (no preamble); empty when before and after are the same bytes.</summary>
    public static byte[] RenderFile(FilePatch file)
    {
        using var output = new MemoryStream();
        RenderFile(output, file);
        return output.ToArray();
    }

    private static string Preamble(string preamble)
    {
        if (preamble.Length == 0)
            return "";
        // Lines a patch reader would take for diff headers are indented so they stay prose.
        var lines = preamble.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')
            .Select(l => l.StartsWith("diff ", StringComparison.Ordinal) || l.StartsWith("---", StringComparison.Ordinal)
                || l.StartsWith("+++", StringComparison.Ordinal) || l.StartsWith("***", StringComparison.Ordinal)
                || l.StartsWith("@@", StringComparison.Ordinal) || l.StartsWith("Index:", StringComparison.Ordinal)
                || l.StartsWith("Binary files", StringComparison.Ordinal) || l.StartsWith("GIT binary patch", StringComparison.Ordinal)
                ? " " + l
                : l);
        return string.Join("\n", lines) + "\n\n";
    }

    private static void RenderFile(Stream output, FilePatch file)
    {
        if (file.Before is null && file.After is null)
            throw new ArgumentException($"{file.Path}: a patch needs a before or an after", nameof(file));
        if (file.Before is not null && file.After is not null && file.Before.AsSpan().SequenceEqual(file.After))
            return;

        var a = "a/" + file.Path;
        var b = "b/" + file.Path;
        var header = new StringBuilder();
        header.Append("diff --git ").Append(GitPath.Quote(a)).Append(' ').Append(GitPath.Quote(b)).Append('\n');
        if (file.Before is null)
            header.Append("new file mode ").Append(file.Mode).Append('\n');
        else if (file.After is null)
            header.Append("deleted file mode ").Append(file.Mode).Append('\n');

        var oldText = Bytes.GetString(file.Before ?? []);
        var newText = Bytes.GetString(file.After ?? []);
        if (oldText.Length == 0 && newText.Length == 0)
        {
            // An empty file created or deleted: git writes the header alone.
            output.Write(Encoding.UTF8.GetBytes(header.ToString()));
            return;
        }

        header.Append("--- ").Append(file.Before is null ? "/dev/null" : GitPath.HeaderName(a)).Append('\n');
        header.Append("+++ ").Append(file.After is null ? "/dev/null" : GitPath.HeaderName(b)).Append('\n');
        output.Write(Encoding.UTF8.GetBytes(header.ToString()));

        var diff = new Differ().CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var body = new StringBuilder();
        foreach (var hunk in Hunks(diff))
            WriteHunk(body, diff, hunk);
        output.Write(Bytes.GetBytes(body.ToString()));
    }

    private static IEnumerable<List<DiffBlock>> Hunks(DiffResult diff)
    {
        var current = new List<DiffBlock>();
        foreach (var block in diff.DiffBlocks.OrderBy(b => b.DeleteStartA))
        {
            if (current.Count > 0)
            {
                var last = current[^1];
                if (block.DeleteStartA - (last.DeleteStartA + last.DeleteCountA) > 2 * Context)
                {
                    yield return current;
                    current = [];
                }
            }

            current.Add(block);
        }

        if (current.Count > 0)
            yield return current;
    }

    private static void WriteHunk(StringBuilder body, DiffResult diff, List<DiffBlock> blocks)
    {
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var first = blocks[0];
        var last = blocks[^1];
        var oldStart = Math.Max(0, first.DeleteStartA - Context);
        var oldEnd = Math.Min(oldLines.Count, last.DeleteStartA + last.DeleteCountA + Context);
        var newStart = first.InsertStartB - (first.DeleteStartA - oldStart);
        var newEnd = last.InsertStartB + last.InsertCountB + (oldEnd - (last.DeleteStartA + last.DeleteCountA));

        body.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart)).Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");
        var at = oldStart;
        foreach (var block in blocks)
        {
            for (; at < block.DeleteStartA; at++)
                Line(body, ' ', oldLines[at]);
            for (var i = 0; i < block.DeleteCountA; i++)
                Line(body, '-', oldLines[block.DeleteStartA + i]);
            for (var i = 0; i < block.InsertCountB; i++)
                Line(body, '+', newLines[block.InsertStartB + i]);
            at = block.DeleteStartA + block.DeleteCountA;
        }

        for (; at < oldEnd; at++)
            Line(body, ' ', oldLines[at]);
    }

    private static void Line(StringBuilder body, char prefix, string line)
    {
        body.Append(prefix).Append(line);
        if (!line.EndsWith('\n'))
            body.Append("\n\\ No newline at end of file\n");
    }

    /// <summary>git's range: "start,count", "start" alone when count is 1, and the line before when count is 0.</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => start.ToString(CultureInfo.InvariantCulture) + ",0",
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => (start + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture),
    };
}
