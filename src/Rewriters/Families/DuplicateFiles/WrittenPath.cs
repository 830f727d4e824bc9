namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// Rewrites the literal tail of a path as written (a shell word, a <c>docker build -f</c> value) so that it names the
/// canonical copy instead of the duplicate, from wherever the written path starts. The written path is split into an
/// anchor (a variable, <c>$(dirname "$0")</c>, an install root, or the unknown working folder) and its literal tail;
/// only the tail changes. With k leading <c>..</c> the tail climbs k folders above the anchor to the folder Y from
/// which the rest names the duplicate; the new tail climbs the same k folders and then goes from Y to the canonical
/// copy, so it resolves to the canonical copy from every anchor that made the old one resolve to the duplicate.
/// </summary>
internal static class WrittenPath
{
    /// <summary>The edit inside <paramref name="written"/> (offset, length, replacement), or why there is none.</summary>
    public static (int Offset, int Length, string Replacement, bool WholeWordLiteral, string? Problem) Repoint(
        string written, string duplicate, string canonical, IReadOnlyList<string> installRoots)
    {
        var end = written.Length;
        if (end > 0 && written[end - 1] is '"' or '\'')
            end--;
        var start = end;
        while (start > 0 && RepoPath.IsPlain(written[start - 1]))
            start--;
        if (start > 0 && written[start - 1] == '$')
        {
            // "$DIR/x.sh": the name after '$' is the variable, not part of the path.
            while (start < end && (char.IsAsciiLetterOrDigit(written[start]) || written[start] == '_'))
                start++;
        }

        var prefix = written[..start].Trim('"', '\'');
        var literal = written[start..end];
        if (literal.Length == 0 || !literal.Contains(RepoPath.FileName(duplicate), StringComparison.Ordinal))
            return (0, 0, "", false, $"the path '{written}' is not written out here (it comes from a variable assigned elsewhere), so there is nothing to repoint in place");

        if (prefix.Length == 0 && literal.StartsWith('/'))
        {
            var root = installRoots.Select(r => r.TrimEnd('/')).FirstOrDefault(r => literal.StartsWith(r + "/", StringComparison.Ordinal));
            if (root is null)
                return (0, 0, "", false, $"'{written}' is an absolute path outside the install roots");
            start += root.Length;
            literal = literal[root.Length..];
            prefix = root;
        }

        var lead = literal.StartsWith('/') ? "/" : literal.StartsWith("./", StringComparison.Ordinal) ? "./" : "";
        var segments = new List<string>();
        foreach (var segment in literal[lead.Length..].Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
                segments.RemoveAt(segments.Count - 1);
            else
                segments.Add(segment);
        }

        var up = segments.TakeWhile(s => s == "..").Count();
        var rest = string.Join('/', segments.Skip(up));
        if (rest.Length == 0 || !(duplicate == rest || duplicate.EndsWith("/" + rest, StringComparison.Ordinal)))
            return (0, 0, "", false, $"'{written}' does not end with the path of {duplicate}");
        var folder = duplicate.Length == rest.Length ? "" : duplicate[..(duplicate.Length - rest.Length - 1)];
        var relative = string.Concat(Enumerable.Repeat("../", up)) + RepoPath.Relative(folder, canonical);
        var replacement = lead switch
        {
            "/" => "/" + relative,
            "./" => relative.StartsWith("../", StringComparison.Ordinal) ? relative : "./" + relative,
            _ => literal.Contains('/') && !relative.Contains('/') ? "./" + relative : relative,
        };
        return (start, end - start, replacement, prefix.Length == 0 && lead != "/", null);
    }
}
