using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Consolidate.Analyzers.Configuration;

/// <summary>
/// One parsed .editorconfig or .globalconfig: sections of glob + key/value pairs. <see cref="Directory"/> is the
/// repo-relative folder holding the file ("" at the root). Keys are lower-cased, as Roslyn does. A .globalconfig (or
/// an .editorconfig with <c>is_global = true</c>) has its keys in the unnamed preamble and applies to every file.
/// </summary>
public sealed class EditorConfigFile
{
    private EditorConfigFile(string path, string directory, bool isRoot, bool isGlobal, ImmutableArray<Section> sections, ImmutableArray<ConfigError> errors)
    {
        Path = path;
        Directory = directory;
        IsRoot = isRoot;
        IsGlobal = isGlobal;
        Sections = sections;
        Errors = errors;
    }

    public string Path { get; }

    public string Directory { get; }

    public bool IsRoot { get; }

    public bool IsGlobal { get; }

    public ImmutableArray<Section> Sections { get; }

    public ImmutableArray<ConfigError> Errors { get; }

    public static EditorConfigFile Parse(string path, string text, bool forceGlobal = false)
    {
        var directory = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
        var sections = ImmutableArray.CreateBuilder<Section>();
        var errors = ImmutableArray.CreateBuilder<ConfigError>();
        var preamble = ImmutableDictionary.CreateBuilder<string, (string Value, int Line)>();
        string? glob = null;
        var globLine = 0;
        var current = preamble;
        var lineNumber = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[')
            {
                if (!line.EndsWith(']'))
                {
                    errors.Add(new ConfigError(path, lineNumber, line, "section header is missing its closing ']'"));
                    continue;
                }

                if (glob is not null)
                    sections.Add(new Section(glob, globLine, current.ToImmutable()));
                glob = line[1..^1];
                globLine = lineNumber;
                current = ImmutableDictionary.CreateBuilder<string, (string, int)>();
                continue;
            }

            var eq = line.IndexOfAny(['=', ':']);
            if (eq <= 0)
            {
                errors.Add(new ConfigError(path, lineNumber, line, "expected 'key = value'"));
                continue;
            }

            var key = line[..eq].Trim().ToLowerInvariant();
            var value = line[(eq + 1)..].Trim();
            current[key] = (value, lineNumber);
        }

        if (glob is not null)
            sections.Add(new Section(glob, globLine, current.ToImmutable()));

        var top = preamble.ToImmutable();
        var isRoot = top.TryGetValue("root", out var r) && r.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
        var isGlobal = forceGlobal || (top.TryGetValue("is_global", out var g) && g.Value.Equals("true", StringComparison.OrdinalIgnoreCase));
        foreach (var section in sections)
            if (section.GlobError is { } globError)
                errors.Add(new ConfigError(path, section.Line, $"[{section.Glob}]", globError));
        if (isGlobal)
            sections.Insert(0, new Section(null, 0, top));
        return new EditorConfigFile(path, directory, isRoot, isGlobal, sections.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>A section: Glob null for a global file's preamble (applies everywhere).</summary>
    public sealed class Section
    {
        private readonly Regex? matcher;

        public Section(string? glob, int line, ImmutableDictionary<string, (string Value, int Line)> properties)
        {
            Glob = glob;
            Line = line;
            Properties = properties;
            if (glob is null)
                return;
            try
            {
                matcher = new Regex(GlobToRegex(glob), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                // GlobToRegex escapes everything it does not translate, so this is a safety net: a glob that still
                // makes no pattern matches nothing, and the file reports it.
                matcher = new Regex("(?!)", RegexOptions.None, TimeSpan.FromSeconds(1));
                GlobError = $"section [{glob}] is not a valid glob; it matches no file";
            }
        }

        /// <summary>Why the glob matches nothing, when it could not be translated; null when it is fine.</summary>
        public string? GlobError { get; }

        public string? Glob { get; }

        public int Line { get; }

        public ImmutableDictionary<string, (string Value, int Line)> Properties { get; }

        /// <summary>Whether the section applies to a path relative to the config file's folder.</summary>
        public bool Matches(string relativePath) => matcher is null || matcher.IsMatch(relativePath);
    }

    /// <summary>EditorConfig globs: <c>*</c>, <c>**</c>, <c>?</c>, <c>[...]</c>, <c>{a,b}</c>, <c>{1..3}</c>; no slash = any folder.</summary>
    internal static string GlobToRegex(string glob)
    {
        var anchored = glob.Contains('/');
        if (glob.StartsWith('/'))
            glob = glob[1..];
        var sb = new StringBuilder("^");
        if (!anchored)
            sb.Append("(?:.*/)?");
        var braceDepth = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                {
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    sb.Append(CharacterClass(glob[(i + 1)..close]));
                    i = close;
                    break;
                }

                case '{':
                {
                    var close = glob.IndexOf('}', i + 1);
                    var range = close > 0 ? Regex.Match(glob[(i + 1)..close], @"^(-?\d+)\.\.(-?\d+)$") : Match.Empty;
                    if (range.Success)
                    {
                        sb.Append(NumberRange(range.Groups[1].Value, range.Groups[2].Value));
                        i = close;
                        break;
                    }

                    braceDepth++;
                    sb.Append("(?:");
                    break;
                }

                case '}' when braceDepth > 0:
                    braceDepth--;
                    sb.Append(')');
                    break;
                case ',' when braceDepth > 0:
                    sb.Append('|');
                    break;
                case '\\' when i + 1 < glob.Length:
                    sb.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        sb.Append(new string(')', braceDepth)).Append('$');
        return sb.ToString();
    }

    /// <summary>Ranges listed one by one up to this many numbers; a wider range matches any integer of the file name.</summary>
    private const int MaxListedRange = 1000;

    /// <summary><c>{lo..hi}</c>: the integers between, listed, so a glob like <c>{0..2147483647}</c> cannot exhaust memory.</summary>
    private static string NumberRange(string loText, string hiText)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (!long.TryParse(loText, System.Globalization.NumberStyles.AllowLeadingSign, culture, out var lo)
            || !long.TryParse(hiText, System.Globalization.NumberStyles.AllowLeadingSign, culture, out var hi))
            return "-?[0-9]+";
        var (from, to) = (Math.Min(lo, hi), Math.Max(lo, hi));
        if (to - from >= MaxListedRange)
            return "-?[0-9]+";
        var numbers = new List<string>();
        for (var n = from; n <= to; n++)
            numbers.Add(n.ToString(culture));
        return "(?:" + string.Join("|", numbers) + ")";
    }

    /// <summary>
    /// <c>[...]</c> and <c>[!...]</c>: every member written as a \uXXXX escape, so no character of the glob can change
    /// the pattern; a reversed range (<c>z-a</c>) matches nothing, as an empty class does.
    /// </summary>
    private static string CharacterClass(string body)
    {
        var negated = body.StartsWith('!');
        if (negated)
            body = body[1..];
        var members = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                if (body[i] <= body[i + 2])
                    members.Append(Escape(body[i])).Append('-').Append(Escape(body[i + 2]));
                i += 2;
                continue;
            }

            members.Append(Escape(body[i]));
        }

        if (members.Length == 0)
            return negated ? "[^/]" : "(?!)";
        return (negated ? "[^/" : "[") + members + "]";

        static string Escape(char c) => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }
}
