using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Turns a word of the tree into a <see cref="ShellWord"/>: quotes removed and escapes resolved into Literal parts,
/// <c>$NAME</c>/<c>${NAME}</c> as Variable, the script-directory idioms as ScriptDirectory, other command
/// substitutions as CommandSubstitution, unquoted <c>*</c>, <c>?</c>, <c>[..]</c> as Glob, and everything else a
/// static reading cannot know (special and positional parameters, <c>${x:-y}</c>, arithmetic, process
/// substitution, a leading <c>~</c>, brace expansion) as Unknown.
/// </summary>
internal sealed class ShellWordReader(ShellTree tree, HostCoordinates coordinates)
{
    private static readonly System.Buffers.SearchValues<char> UnquotedSpecials = System.Buffers.SearchValues.Create("\\*?[");

    private readonly ScriptDirectoryIdiom idiom = new(tree);

    // One builder reused word after word: a word is read to the end before the next starts.
    private readonly PartsBuilder builder = new();

    public ShellWord Read(int node) =>
        new(coordinates.Slice(tree.Start(node), tree.End(node)), Parts(node), coordinates.Span(tree.Start(node), tree.End(node)));

    /// <summary>An empty value (<c>NAME=</c>) at <paramref name="offset"/>.</summary>
    public ShellWord Empty(int offset) => new(string.Empty, ImmutableArray<ShellWordPart>.Empty, coordinates.Span(offset, offset));

    public ImmutableArray<ShellWordPart> Parts(int node)
    {
        builder.Reset();
        Append(node, builder);
        return builder.HasBraceExpansion ? ImmutableArray.Create(new ShellWordPart(ShellWordPartKind.Unknown, tree.SourceText(node))) : builder.Build();
    }

    private void Append(int node, PartsBuilder parts)
    {
        switch (tree.Kind(node))
        {
            case BashNodeKind.Word or BashNodeKind.ExtglobPattern:
                AppendUnquoted(tree.Source(node), parts);
                break;
            case BashNodeKind.Number:
                parts.AddUnquotedLiteral(tree.Source(node));
                break;
            case BashNodeKind.String or BashNodeKind.TranslatedString:
                AppendDoubleQuoted(node, parts);
                break;
            case BashNodeKind.RawString:
                var raw = tree.Source(node);
                parts.AddQuotedLiteral(raw.Length >= 2 && raw[^1] == '\'' ? raw[1..^1] : raw[Math.Min(1, raw.Length)..]);
                break;
            case BashNodeKind.AnsiCString:
                var ansi = tree.Source(node);
                parts.AddQuotedLiteral(DecodeAnsiC(ansi.Length >= 3 && ansi[^1] == '\'' ? ansi[2..^1] : ansi[Math.Min(2, ansi.Length)..]));
                break;
            case BashNodeKind.Concatenation or BashNodeKind.CommandName:
                AppendConcatenation(node, parts);
                break;
            case BashNodeKind.SimpleExpansion:
            {
                var named = tree.NamedChildren(node);
                if (named.Count == 1 && tree.Kind(named[0]) == BashNodeKind.VariableName && IsName(tree.Source(named[0])))
                    parts.Add(ShellWordPartKind.Variable, tree.SourceText(named[0]));
                else
                    parts.Add(ShellWordPartKind.Unknown, tree.SourceText(node));
                break;
            }

            case BashNodeKind.Expansion:
            {
                if (idiom.IsScriptDirectory(node))
                {
                    parts.Add(ShellWordPartKind.ScriptDirectory, tree.SourceText(node));
                    break;
                }

                var children = 0;
                foreach (var _ in tree.Children(node))
                    children++;
                var named = tree.NamedChildren(node);
                if (children == 3 && named.Count == 1 && tree.Kind(named[0]) == BashNodeKind.VariableName && IsName(tree.Source(named[0])))
                    parts.Add(ShellWordPartKind.Variable, tree.SourceText(named[0]));
                else
                    parts.Add(ShellWordPartKind.Unknown, tree.SourceText(node));
                break;
            }

            case BashNodeKind.CommandSubstitution:
                parts.Add(idiom.IsScriptDirectory(node) ? ShellWordPartKind.ScriptDirectory : ShellWordPartKind.CommandSubstitution, tree.SourceText(node));
                break;
            default:
                if (tree.IsNamed(node))
                    parts.Add(ShellWordPartKind.Unknown, tree.SourceText(node));
                else
                    parts.AddUnquotedLiteral(tree.Source(node));
                break;
        }
    }

    /// <summary>
    /// tree-sitter splits unquoted text at brackets (<c>file[0-9].log</c> is five words), so adjacent unquoted words
    /// are read as one text, which keeps bracket globs and escapes whole.
    /// </summary>
    private void AppendConcatenation(int node, PartsBuilder parts)
    {
        var runStart = -1;
        var runEnd = -1;
        foreach (var child in tree.Children(node))
        {
            if (IsUnquotedText(child) && (runStart < 0 || tree.Start(child) == runEnd))
            {
                if (runStart < 0)
                    runStart = tree.Start(child);
                runEnd = tree.End(child);
                continue;
            }

            if (runStart >= 0)
                AppendUnquoted(tree.Text.AsSpan(runStart, runEnd - runStart), parts);
            runStart = -1;
            if (IsUnquotedText(child))
            {
                runStart = tree.Start(child);
                runEnd = tree.End(child);
                continue;
            }

            Append(child, parts);
        }

        if (runStart >= 0)
            AppendUnquoted(tree.Text.AsSpan(runStart, runEnd - runStart), parts);
    }

    private bool IsUnquotedText(int node) => tree.Kind(node) is BashNodeKind.Word or BashNodeKind.ExtglobPattern;

    private void AppendDoubleQuoted(int node, PartsBuilder parts)
    {
        var position = tree.Start(node);
        parts.AddQuotedLiteral(ReadOnlySpan<char>.Empty);
        foreach (var child in tree.Children(node))
        {
            if (tree.Start(child) > position)
                parts.AddQuotedLiteral(DecodeDoubleQuoted(tree.Text.AsSpan(position, tree.Start(child) - position)));
            if (tree.Kind(child) == BashNodeKind.StringContent)
                parts.AddQuotedLiteral(DecodeDoubleQuoted(tree.Source(child)));
            else if (tree.IsNamed(child))
                Append(child, parts);
            position = Math.Max(position, tree.End(child));
        }

        if (tree.End(node) > position)
            parts.AddQuotedLiteral(DecodeDoubleQuoted(tree.Text.AsSpan(position, tree.End(node) - position)));
    }

    private static void AppendUnquoted(ReadOnlySpan<char> word, PartsBuilder parts)
    {
        var i = 0;
        if (parts.AtWordStart && word.Length > 0 && word[0] == '~')
        {
            var slash = word.IndexOf('/');
            i = slash < 0 ? word.Length : slash;
            parts.Add(ShellWordPartKind.Unknown, word[..i].ToString());
        }

        while (i < word.Length)
        {
            var c = word[i];
            if (c == '\\' && i + 1 < word.Length)
            {
                if (word[i + 1] == '\n')
                    i += 2;
                else if (word[i + 1] == '\r' && i + 2 < word.Length && word[i + 2] == '\n')
                    i += 3;
                else
                {
                    parts.AddEscapedLiteral(word[i + 1]);
                    i += 2;
                }

                continue;
            }

            var glob = GlobLength(word, i);
            if (glob > 0)
            {
                parts.Add(ShellWordPartKind.Glob, word.Slice(i, glob).ToString());
                i += glob;
                continue;
            }

            var plain = word[(i + 1)..].IndexOfAny(UnquotedSpecials);
            var length = plain < 0 ? word.Length - i : plain + 1;
            parts.AddUnquotedLiteral(word.Slice(i, length));
            i += length;
        }
    }

    /// <summary>The length of a glob at <paramref name="start"/>: a run of * and ?, or a bracket expression; 0 when none.</summary>
    private static int GlobLength(ReadOnlySpan<char> word, int start)
    {
        if (word[start] is '*' or '?')
        {
            var end = start;
            while (end < word.Length && word[end] is '*' or '?')
                end++;
            return end - start;
        }

        if (word[start] == '[')
        {
            // "[]...]" and "[!]...]" keep the first ']' inside the class.
            var i = start + 1;
            if (i < word.Length && word[i] is '!' or '^')
                i++;
            if (i < word.Length && word[i] == ']')
                i++;
            for (; i < word.Length; i++)
            {
                if (word[i] == '\\')
                    i++;
                else if (word[i] == ']')
                    return i + 1 - start;
            }
        }

        return 0;
    }

    private static bool IsName(ReadOnlySpan<char> name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && !name.ContainsAnyExcept(NameCharacters);

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>Inside double quotes a backslash escapes only <c>$ ` " \</c> and a line break.</summary>
    private static string DecodeDoubleQuoted(ReadOnlySpan<char> text)
    {
        if (!text.Contains('\\'))
            return text.ToString();
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next is '$' or '`' or '"' or '\\')
                {
                    result.Append(next);
                    i++;
                    continue;
                }

                if (next == '\n')
                {
                    i++;
                    continue;
                }

                if (next == '\r' && i + 2 < text.Length && text[i + 2] == '\n')
                {
                    i += 2;
                    continue;
                }
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    /// <summary>The escapes of <c>$'...'</c>.</summary>
    private static string DecodeAnsiC(ReadOnlySpan<char> text)
    {
        if (!text.Contains('\\'))
            return text.ToString();
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var c = text[++i];
            switch (c)
            {
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 'e' or 'E': result.Append('\u001b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'v': result.Append('\v'); break;
                case '\\' or '\'' or '"' or '?': result.Append(c); break;
                case 'c' when i + 1 < text.Length:
                    result.Append((char)(text[++i] & 0x1f));
                    break;
                case 'x' or 'u' or 'U':
                {
                    var maxDigits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                    var digits = 0;
                    while (digits < maxDigits && i + 1 + digits < text.Length && char.IsAsciiHexDigit(text[i + 1 + digits]))
                        digits++;
                    if (digits == 0 || !int.TryParse(text.Slice(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) || value > 0x10FFFF)
                    {
                        result.Append('\\').Append(c);
                        break;
                    }

                    result.Append(c == 'x' ? ((char)value).ToString() : char.ConvertFromUtf32(value is >= 0xD800 and <= 0xDFFF ? 0xFFFD : value));
                    i += digits;
                    break;
                }

                case >= '0' and <= '7':
                {
                    var value = 0;
                    var digits = 0;
                    while (digits < 3 && i + digits < text.Length && text[i + digits] is >= '0' and <= '7')
                        value = (value * 8) + (text[i + digits++] - '0');
                    result.Append((char)(value & 0xFF));
                    i += digits - 1;
                    break;
                }

                default:
                    result.Append('\\').Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Collects parts, merging adjacent literals, and watches the unquoted text for brace expansion.</summary>
    private sealed class PartsBuilder
    {
        private readonly ImmutableArray<ShellWordPart>.Builder parts = ImmutableArray.CreateBuilder<ShellWordPart>();
        private readonly StringBuilder literal = new();
        private bool hasLiteral;

        // 0: nothing yet, 1: saw '{', 2: saw '{' then ',' or "..", 3: saw the closing '}'.
        private int braceState;
        private char previous;

        /// <summary>True until anything has been added: a leading <c>~</c> is only special there.</summary>
        public bool AtWordStart => parts.Count == 0 && !hasLiteral;

        /// <summary>An unquoted <c>{</c>, then a <c>,</c> or <c>..</c>, then <c>}</c>: bash expands the word into several.</summary>
        public bool HasBraceExpansion => braceState == 3;

        public void AddUnquotedLiteral(ReadOnlySpan<char> text)
        {
            if (braceState != 0 || text.Contains('{'))
            {
                foreach (var c in text)
                    WatchBraces(c);
            }
            else if (text.Length > 0)
                previous = text[^1];
            AddLiteral(text);
        }

        public void Reset()
        {
            parts.Clear();
            literal.Clear();
            hasLiteral = false;
            braceState = 0;
            previous = '\0';
        }

        public void AddEscapedLiteral(char c)
        {
            WatchBraces('\0');
            AddLiteral([c]);
        }

        public void AddQuotedLiteral(ReadOnlySpan<char> text)
        {
            if (text.Length > 0)
                WatchBraces('\0');
            hasLiteral = true;
            literal.Append(text);
        }

        public void AddQuotedLiteral(string text) => AddQuotedLiteral(text.AsSpan());

        public void Add(ShellWordPartKind kind, string text)
        {
            WatchBraces('\0');
            FlushLiteral();
            parts.Add(new ShellWordPart(kind, text));
        }

        public ImmutableArray<ShellWordPart> Build()
        {
            FlushLiteral(keepEmpty: parts.Count == 0);
            var result = parts.ToImmutable();
            parts.Clear();
            return result;
        }

        private void AddLiteral(ReadOnlySpan<char> text)
        {
            hasLiteral = true;
            literal.Append(text);
        }

        /// <summary>Ends the current literal; an empty one (<c>""</c>) is kept only when it is the whole word.</summary>
        private void FlushLiteral(bool keepEmpty = false)
        {
            if (hasLiteral && (literal.Length > 0 || keepEmpty))
                parts.Add(new ShellWordPart(ShellWordPartKind.Literal, literal.ToString()));
            literal.Clear();
            hasLiteral = false;
        }

        private void WatchBraces(char c)
        {
            if (braceState == 3)
                return;
            if (c == '{' && braceState == 0)
                braceState = 1;
            else if (braceState == 1 && (c == ',' || (c == '.' && previous == '.')))
                braceState = 2;
            else if (braceState == 2 && c == '}')
                braceState = 3;
            else if (c is ' ' or '\t' or '\n')
                braceState = 0;
            previous = c;
        }
    }
}
