using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// Classifies a file by its name, then (for names that say nothing) by its shebang. Names win over shebangs, so a
/// <c>tool.py</c> with a bash shebang is still Python.
/// </summary>
public static class FileClassifier
{
    /// <summary>Whether a repository path ('/'-separated) is Python by its file name alone, without reading a shebang.</summary>
    public static bool IsPythonByName(string path) => ByName(path[(path.LastIndexOf('/') + 1)..]) == Language.Python;

    public static Language ByName(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        if (lower.EndsWith(".py", StringComparison.Ordinal) || lower.EndsWith(".pyw", StringComparison.Ordinal))
            return Language.Python;
        if (lower.EndsWith(".sh", StringComparison.Ordinal) || lower.EndsWith(".bash", StringComparison.Ordinal))
            return Language.Shell;
        if (lower is "dockerfile" or "containerfile"
            || lower.StartsWith("dockerfile.", StringComparison.Ordinal)
            || lower.StartsWith("containerfile.", StringComparison.Ordinal)
            || lower.EndsWith(".dockerfile", StringComparison.Ordinal)
            || lower.EndsWith(".containerfile", StringComparison.Ordinal))
            return Language.Dockerfile;
        if (IsYaml(lower) && (lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose", StringComparison.Ordinal)))
            return Language.Compose;
        if (lower.EndsWith(".cs", StringComparison.Ordinal))
            return Language.CSharp;
        return Language.Other;
    }

    /// <summary>Whether the name leaves the language open, so the first line decides (no extension at all).</summary>
    public static bool NeedsShebang(string fileName) => !fileName.Contains('.') || fileName.StartsWith('.') && fileName.IndexOf('.', 1) < 0;

    /// <summary>The language a shebang line names: python, or sh/bash (also dash, ksh, zsh are read as shell).</summary>
    public static Language ByShebang(ReadOnlySpan<byte> head)
    {
        if (head.Length < 3 || head[0] != (byte)'#' || head[1] != (byte)'!')
            return Language.Other;
        var end = head.IndexOf((byte)'\n');
        var line = System.Text.Encoding.UTF8.GetString(end < 0 ? head : head[..end]).Trim();
        var words = line[2..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return Language.Other;
        var program = Path.GetFileName(words[0]);
        if (program == "env")
        {
            program = words.Skip(1).FirstOrDefault(w => !w.StartsWith('-') && !w.Contains('=')) ?? "";
            program = Path.GetFileName(program);
        }

        if (program.StartsWith("python", StringComparison.Ordinal))
            return Language.Python;
        return program is "sh" or "bash" or "dash" or "ksh" or "zsh" or "ash" ? Language.Shell : Language.Other;
    }

    private static bool IsYaml(string lower) => lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal);
}
