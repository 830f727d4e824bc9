namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>Path arithmetic on repository-relative paths ("" is the root, forward slashes, no leading slash).</summary>
internal static class RepoPath
{
    /// <summary>The path from folder <paramref name="from"/> to <paramref name="to"/>, with "../" where needed ("." for the folder itself).</summary>
    public static string Relative(string from, string to)
    {
        var a = from.Length == 0 ? [] : from.Split('/');
        var b = to.Length == 0 ? [] : to.Split('/');
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
            common++;
        var parts = Enumerable.Repeat("..", a.Length - common).Concat(b.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    public static string Directory(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it ("" and "." hold everything).</summary>
    public static bool IsUnder(string path, string folder) =>
        folder is "" or "." || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>Characters a path may have to be written into a shell word, a COPY line or a YAML value without quoting.</summary>
    public static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+' or '@';

    public static bool IsPlain(string path) => path.Length > 0 && path.All(IsPlain);
}
