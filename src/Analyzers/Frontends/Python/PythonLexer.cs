using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// The CLI's Python tokens (clone fingerprints, suppression comments, the rules that read strings and comments), read
/// by one forward pass over the text instead of a tree-sitter-python parse: a token stream needs no tree, and that parse
/// was most of the Python frontend's CPU in .NET; this costs about a tenth. It gives exactly the tokens of
/// <see cref="PythonTreeSitterTokenizer"/> (kind, text, span) on every file tree-sitter-python parses without error,
/// which the tests check on fixtures, generated Python and token soup, and <c>pydiff</c> on whole repositories.
/// Classes are CPython tokenize's (<see cref="PythonGrammar"/>): hard keywords, operators, <c>True</c>/<c>False</c>/
/// <c>None</c> and <c>...</c> are Keyword; every other word, soft keywords included, is Identifier; a number and a whole
/// string (an f-string with its replacement fields) are one Literal each; comments are tokens; a backslash line
/// continuation is none.
/// <para>Where CPython and tree-sitter disagree on a valid file, the lexer reads as tree-sitter does: any run of
/// <c>rbuft</c> letters before a quote is a string prefix, a backquote quotes a string (Python 2's repr),
/// <c>&lt;&gt;</c> is one operator, integers may end in <c>L</c>, a replacement field may hold strings in the same quotes
/// at any Python version, and a line break tree-sitter's string scanner refuses ends a one-line string only when its own
/// lexer cannot go on there either (after an escape, or with a <c>{</c>).</para>
/// <para>Broken text never stops the scan and never throws. A string that does not end (a line break in a one-line
/// string, a NUL, the end of the file) is its opening delimiter, a literal, and lexing goes on right after it, as
/// tree-sitter recovers; characters that start no token (<c>$</c>, <c>?</c>, a lone <c>!</c>, controls, symbols) are one
/// token per run, classed as the tokenizer classes tree-sitter's ERROR text; a backslash not ending a line is a Keyword
/// (at the very end of the file right after a token it ends the line, no token).</para>
/// <para>Deliberate differences, where tree-sitter decides by its parse state, which a lexer does not have:
/// <c>async</c> and <c>await</c> are always keywords (tree-sitter makes names of them where Python 3.6 code uses them
/// so, CPython 3.7+ tokenize keywords); in a string that breaks after an escape or a field, tree-sitter keeps some of
/// the pieces (an escape as a literal) where the lexer keeps only the opening delimiter; and in code tree-sitter cannot
/// parse (rarely also in text it accepts: a line <c>**</c> read as <c>*</c> <c>*</c>), it reads what its state allows (<c>x.5</c> as <c>.</c> <c>5</c>, <c>+=</c> as <c>+</c> <c>=</c>, a keyword as
/// a name, an escape outside a string as a literal) where the lexer, like CPython's tokenize, takes the longest token.</para>
/// <para>Thread-safe: all state lives in one call. Out of budget it returns null and the caller asks CPython's
/// tokenize instead; cancellation throws.</para>
/// </summary>
internal static class PythonLexer
{
    /// <summary>Token texts up to this length are shared within a file (names and numbers repeat a lot).</summary>
    private const int MaxInternedLength = 32;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Keywords =
        PythonGrammar.HardKeywords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The tokens of <paramref name="text"/>, or null when they took longer than <paramref name="budget"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: no limit). Throws when cancelled.
    /// </summary>
    public static ImmutableArray<Token>? Tokenize(SourceText text, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length == 0)
            return ImmutableArray<Token>.Empty;

        var parseBudget = new ParseBudget(budget == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : budget, cancellationToken);
        var scanner = new Scanner(text, parseBudget);
        try
        {
            return scanner.Run();
        }
        finally
        {
            scanner.Release();
        }
    }

    private enum Step : byte
    {
        Closed,
        OpenField,
        OpenString,
        Failed,
        OutOfBudget,
    }

    /// <summary>
    /// One open string or replacement field while an f-string is read: f-strings nest through their fields, so the
    /// scan keeps an explicit stack instead of recursing (a thousand nested f-strings must not overflow the stack).
    /// </summary>
    private struct Frame
    {
        public bool IsField;

        // A string: where its prefix starts, its closing quote and prefix letters; where tree-sitter's scanner last
        // started reading its content, and whether it has read any since (a line break then ends a one-line string;
        // right after the quote, an escape or a field it does not).
        public int Start;
        public char Quote;
        public bool Triple;
        public bool Raw;
        public bool Format;
        public bool Bytes;
        public bool HasContent;
        public int ScanStart;

        // A replacement field: open brackets of its expression, and whether the format spec (after ':') is being read.
        public int Brackets;
        public bool InSpec;
    }

    private sealed class Scanner
    {
        private const int Unterminated = -1;
        private const int OutOfBudget = -2;

        private readonly SourceText source;
        private readonly string s;
        private readonly int n;
        private readonly ParseBudget budget;
        private readonly int lastLine;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> interned =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        // Tokens go to a pooled buffer and are copied once into an array of the exact size. Sized for typical Python
        // (a token per five characters), it grows at most about once, by the density read so far.
        private const int InitialCapacityCap = 1 << 16;

        private Token[] tokens;
        private int count;
        private Frame[] frames = [];
        private int depth;

        // Strings seen open when a scan failed: each fails again alone (a string's scan never depends on what encloses
        // it), so "f\"{" repeated a thousand times is read once, not a thousand times.
        private HashSet<int>? unterminated;

        // The first '}' or NUL at or after closeSearchFrom (or -1: none), for \N{...} escapes without an end.
        private int closeSearchFrom = int.MaxValue;
        private int closeAt;

        private int line = 1;
        private int lineStart;
        private int nextLineStart;

        public Scanner(SourceText source, ParseBudget budget)
        {
            this.source = source;
            s = source.Text;
            n = s.Length;
            this.budget = budget;
            lastLine = source.LineOf(n);
            nextLineStart = lastLine > 1 ? source.LineStart(2) : int.MaxValue;
            // One token per five characters is typical code; capped, because a huge file may be a few huge tokens (a 50 MB
            // string literal would otherwise rent 10 million slots, 600 MB): past the cap, Grow sizes by measured density.
            tokens = ArrayPool<Token>.Shared.Rent(Math.Clamp(n / 5, 16, InitialCapacityCap));
        }

        public ImmutableArray<Token>? Run()
        {
            var i = 0;
            while (i < n)
            {
                if (budget.Tick())
                    return null;
                var c = s[i];
                switch (c)
                {
                    case ' ' or '\t' or '\n' or '\r' or '\f' or '\v':
                        i++;
                        break;
                    case '#':
                        i = Comment(i);
                        break;
                    case '\'' or '"' or '`':
                        i = StringAt(i, i);
                        break;
                    case >= '0' and <= '9':
                        i = Number(i);
                        break;
                    case '.':
                        i = Dot(i);
                        break;
                    case '\\':
                        i = Backslash(i);
                        break;
                    case '!':
                        i = Bang(i);
                        break;
                    case (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_':
                        i = Word(i, i + 1);
                        break;
                    case '(' or ')' or '[' or ']' or '{' or '}' or ',' or ';' or '~' or ':' or '=' or '+' or '-' or '*' or '/'
                        or '%' or '&' or '|' or '^' or '@' or '<' or '>':
                        i = Operator(i);
                        break;
                    default:
                        i = c < 0x80 ? Unreadable(i) : NonAscii(i);
                        break;
                }

                if (i < 0)
                    return null;
            }

            return ImmutableArray.Create(tokens.AsSpan(0, count));
        }

        public void Release()
        {
            // Only the used part holds strings; clearing the whole buffer would cost more than the lexing of a small file.
            tokens.AsSpan(0, count).Clear();
            ArrayPool<Token>.Shared.Return(tokens);
            tokens = [];
        }

        /// <summary>A comment runs to the end of its line; tree-sitter's also stops at a NUL.</summary>
        private int Comment(int start)
        {
            var length = s.AsSpan(start + 1).IndexOfAny('\n', '\r', '\0');
            var end = length < 0 ? n : start + 1 + length;
            Add(TokenKind.Comment, start, end, Text(start, end));
            return end;
        }

        private int Dot(int start)
        {
            if (start + 1 < n && IsDigit(s[start + 1]))
                return Number(start);
            // "from ... import x" too: CPython's tokenize reads "...", and so does the tree-sitter tokenizer.
            if (start + 2 < n && s[start + 1] == '.' && s[start + 2] == '.')
                return AddKeyword(start, 3, "...");
            return AddKeyword(start, 1, ".");
        }

        /// <summary>
        /// A backslash before a line break (or a NUL, as tree-sitter's <c>line_continuation</c> reads it) joins lines
        /// and is no token; anywhere else it is an error, kept as a Keyword token of its own. At the very end of the
        /// file, right after a token, tree-sitter's scanner takes it as the end of the line: no token either.
        /// </summary>
        private int Backslash(int start)
        {
            if (start + 1 < n)
            {
                switch (s[start + 1])
                {
                    case '\n' or '\0':
                        return start + 2;
                    case '\r':
                        return start + 2 < n && s[start + 2] == '\n' ? start + 3 : start + 2;
                }
            }
            else if (start == 0 || !IsSpace(s[start - 1]))
            {
                return n;
            }

            return AddKeyword(start, 1, "\\");
        }

        /// <summary>
        /// <c>!=</c>; outside a string a <c>!</c> is an error, where tree-sitter still reads <c>!r</c> as its
        /// conversion token (a literal), and a lone <c>!</c> as unreadable text.
        /// </summary>
        private int Bang(int start)
        {
            if (start + 1 < n && s[start + 1] == '=')
                return AddKeyword(start, 2, "!=");
            if (start + 1 < n && s[start + 1] is >= 'a' and <= 'z')
            {
                Add(TokenKind.Literal, start, start + 2, Text(start, start + 2));
                return start + 2;
            }

            return Unreadable(start);
        }

        /// <summary>Operators and delimiters, longest match first.</summary>
        private int Operator(int start)
        {
            var c = s[start];
            var next = start + 1 < n ? s[start + 1] : '\0';
            var third = start + 2 < n ? s[start + 2] : '\0';
            return c switch
            {
                '(' => AddKeyword(start, 1, "("),
                ')' => AddKeyword(start, 1, ")"),
                '[' => AddKeyword(start, 1, "["),
                ']' => AddKeyword(start, 1, "]"),
                '{' => AddKeyword(start, 1, "{"),
                '}' => AddKeyword(start, 1, "}"),
                ',' => AddKeyword(start, 1, ","),
                ';' => AddKeyword(start, 1, ";"),
                '~' => AddKeyword(start, 1, "~"),
                ':' => next == '=' ? AddKeyword(start, 2, ":=") : AddKeyword(start, 1, ":"),
                '=' => next == '=' ? AddKeyword(start, 2, "==") : AddKeyword(start, 1, "="),
                '+' => next == '=' ? AddKeyword(start, 2, "+=") : AddKeyword(start, 1, "+"),
                '-' => next switch
                {
                    '=' => AddKeyword(start, 2, "-="),
                    '>' => AddKeyword(start, 2, "->"),
                    _ => AddKeyword(start, 1, "-"),
                },
                '*' => next switch
                {
                    '*' => third == '=' ? AddKeyword(start, 3, "**=") : AddKeyword(start, 2, "**"),
                    '=' => AddKeyword(start, 2, "*="),
                    _ => AddKeyword(start, 1, "*"),
                },
                '/' => next switch
                {
                    '/' => third == '=' ? AddKeyword(start, 3, "//=") : AddKeyword(start, 2, "//"),
                    '=' => AddKeyword(start, 2, "/="),
                    _ => AddKeyword(start, 1, "/"),
                },
                '%' => next == '=' ? AddKeyword(start, 2, "%=") : AddKeyword(start, 1, "%"),
                '&' => next == '=' ? AddKeyword(start, 2, "&=") : AddKeyword(start, 1, "&"),
                '|' => next == '=' ? AddKeyword(start, 2, "|=") : AddKeyword(start, 1, "|"),
                '^' => next == '=' ? AddKeyword(start, 2, "^=") : AddKeyword(start, 1, "^"),
                '@' => next == '=' ? AddKeyword(start, 2, "@=") : AddKeyword(start, 1, "@"),
                '<' => next switch
                {
                    '<' => third == '=' ? AddKeyword(start, 3, "<<=") : AddKeyword(start, 2, "<<"),
                    '=' => AddKeyword(start, 2, "<="),
                    // Python 2's "not equal"; tree-sitter-python has it as one operator.
                    '>' => AddKeyword(start, 2, "<>"),
                    _ => AddKeyword(start, 1, "<"),
                },
                _ => next switch
                {
                    '>' => third == '=' ? AddKeyword(start, 3, ">>=") : AddKeyword(start, 2, ">>"),
                    '=' => AddKeyword(start, 2, ">="),
                    _ => AddKeyword(start, 1, ">"),
                },
            };
        }

        /// <summary>
        /// A number, as tree-sitter-python's <c>integer</c> and <c>float</c> read it (the longest match of either):
        /// hex, octal and binary with underscores and Python 2's <c>L</c>; decimals with <c>L</c> or <c>j</c>; floats
        /// with a fraction and/or an exponent, and <c>j</c>. <c>1if</c> is "1" then "if"; <c>1..real</c> is "1." "." "real".
        /// </summary>
        private int Number(int start)
        {
            var end = start;
            if (s[start] == '0' && start + 2 < n && s[start + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
            {
                var radixEnd = RadixDigits(start + 2, s[start + 1]);
                if (radixEnd > start + 2)
                    end = radixEnd < n && s[radixEnd] is 'l' or 'L' ? radixEnd + 1 : radixEnd;
            }

            if (end == start)
            {
                if (s[start] == '.')
                {
                    end = Optional(Exponent(Digits(start + 1)), 'j', 'J');
                }
                else
                {
                    var digits = Digits(start);
                    end = digits < n && s[digits] is 'l' or 'L' or 'j' or 'J' ? digits + 1 : digits;
                    if (digits < n && s[digits] == '.')
                    {
                        var fraction = digits + 1 < n && IsDigit(s[digits + 1]) ? Digits(digits + 1) : digits + 1;
                        end = Math.Max(end, Optional(Exponent(fraction), 'j', 'J'));
                    }
                    else if (Exponent(digits) is var exponent && exponent > digits)
                    {
                        end = Math.Max(end, Optional(exponent, 'j', 'J'));
                    }
                }
            }

            Add(TokenKind.Literal, start, end, Text(start, end));
            return end;
        }

        /// <summary><c>([0-9]+_?)+</c> from a digit: the end of the longest match.</summary>
        private int Digits(int at)
        {
            while (at < n && IsDigit(s[at]))
            {
                at++;
                while (at < n && IsDigit(s[at]))
                    at++;
                if (at < n && s[at] == '_')
                    at++;
            }

            return at;
        }

        /// <summary><c>(_?[digit]+)+</c> in the radix <paramref name="marker"/> names, from just after the marker.</summary>
        private int RadixDigits(int at, char marker)
        {
            var end = at;
            while (true)
            {
                var i = end < n && s[end] == '_' ? end + 1 : end;
                if (i >= n || !IsRadixDigit(s[i], marker))
                    return end;
                while (i < n && IsRadixDigit(s[i], marker))
                    i++;
                end = i;
            }
        }

        private static bool IsRadixDigit(char c, char marker) => marker switch
        {
            'x' or 'X' => IsHexDigit(c),
            'o' or 'O' => c is >= '0' and <= '7',
            _ => c is '0' or '1',
        };

        /// <summary><c>[eE][+-]?digits</c> at <paramref name="at"/>: its end, or <paramref name="at"/> when there is none.</summary>
        private int Exponent(int at)
        {
            if (at >= n || s[at] is not ('e' or 'E'))
                return at;
            var i = at + 1;
            if (i < n && s[i] is '+' or '-')
                i++;
            return i < n && IsDigit(s[i]) ? Digits(i) : at;
        }

        private int Optional(int at, char lower, char upper) => at < n && (s[at] == lower || s[at] == upper) ? at + 1 : at;

        /// <summary>
        /// A name or keyword from <paramref name="start"/>, its first character already read up to
        /// <paramref name="at"/>; a name made only of string prefix letters right before a quote starts the string.
        /// </summary>
        private int Word(int start, int at)
        {
            var prefix = IsPrefixLetter(s[start]);
            var end = WordEnd(at, ref prefix);
            if (prefix && end < n && s[end] is '\'' or '"' or '`')
                return StringAt(start, end);

            var word = s.AsSpan(start, end - start);
            if (Keywords.TryGetValue(word, out var keyword))
                Add(TokenKind.Keyword, start, end, keyword);
            else
                Add(TokenKind.Identifier, start, end, Text(start, end));
            return end;
        }

        /// <summary>The end of an identifier's <c>XID_Continue</c> characters from <paramref name="at"/>.</summary>
        private int WordEnd(int at, ref bool prefix)
        {
            while (at < n)
            {
                var c = s[at];
                if (c < 0x80)
                {
                    if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
                        return at;
                    if (prefix)
                        prefix = IsPrefixLetter(c);
                    at++;
                    continue;
                }

                var width = CodePoint(at, out var codePoint);
                if (!IdentifierCharacters.IsContinue(codePoint))
                    return at;
                prefix = false;
                at += width;
            }

            return at;
        }

        private int NonAscii(int start)
        {
            var width = CodePoint(start, out var codePoint);
            if (IdentifierCharacters.IsStart(codePoint))
                return Word(start, start + width);
            return IsSpace(s[start]) ? start + 1 : Unreadable(start);
        }

        /// <summary>
        /// Characters that start no token, up to the next that does (or white space): one token, classed as the tree-sitter
        /// tokenizer classes the text of an ERROR leaf (by its first character).
        /// </summary>
        private int Unreadable(int start)
        {
            var end = start;
            while (end < n)
            {
                var c = s[end];
                if (c < 0x80)
                {
                    var unreadable = c is (< ' ' and not ('\t' or '\n' or '\v' or '\f' or '\r')) or '$' or '?' or '\x7f'
                        || (c == '!' && (end + 1 >= n || s[end + 1] is not ('=' or (>= 'a' and <= 'z'))));
                    if (!unreadable)
                        break;
                    end++;
                    continue;
                }

                var width = CodePoint(end, out var codePoint);
                if (IsSpace(c) || IdentifierCharacters.IsStart(codePoint))
                    break;
                end += width;
            }

            var first = s[start];
            var kind = char.IsLetter(first) ? TokenKind.Identifier : char.IsDigit(first) ? TokenKind.Literal : TokenKind.Keyword;
            Add(kind, start, end, Text(start, end));
            return end;
        }

        /// <summary>
        /// The string whose prefix starts at <paramref name="start"/> and whose quote is at <paramref name="quoteAt"/>: one
        /// literal to its closing quote; when it never closes, its opening delimiter alone, and lexing resumes after it.
        /// </summary>
        private int StringAt(int start, int quoteAt)
        {
            var end = unterminated is not null && unterminated.Contains(start) ? Unterminated : ScanString(start, quoteAt);
            if (end == OutOfBudget)
                return -1;
            if (end == Unterminated)
                end = quoteAt + (IsTriple(quoteAt) ? 3 : 1);
            Add(TokenKind.Literal, start, end, Text(start, end));
            return end;
        }

        private bool IsTriple(int quoteAt) =>
            s[quoteAt] != '`' && quoteAt + 2 < n && s[quoteAt + 1] == s[quoteAt] && s[quoteAt + 2] == s[quoteAt];

        /// <summary>The end of the string at <paramref name="start"/>, <see cref="Unterminated"/> or <see cref="OutOfBudget"/>.</summary>
        private int ScanString(int start, int quoteAt)
        {
            var i = quoteAt;
            depth = 0;
            Push(OpenString(start, ref i));
            while (true)
            {
                ref var frame = ref frames[depth - 1];
                Step step;
                if (!frame.IsField)
                {
                    step = Content(ref frame, ref i);
                    if (step == Step.Closed)
                    {
                        depth--;
                        if (depth == 0)
                            return i;
                        continue;
                    }

                    if (step == Step.OpenField)
                    {
                        Push(new Frame { IsField = true });
                        continue;
                    }
                }
                else
                {
                    var nestedStart = 0;
                    var nestedQuote = 0;
                    step = frame.InSpec ? Spec(ref i) : Expression(ref frame, ref i, out nestedStart, out nestedQuote);
                    if (step == Step.Closed)
                    {
                        // Back in the string (or the spec): tree-sitter's scanner reads on from here afresh.
                        depth--;
                        Restart(ref frames[depth - 1], i);
                        continue;
                    }

                    if (step == Step.OpenField)
                    {
                        Push(new Frame { IsField = true });
                        continue;
                    }

                    if (step == Step.OpenString)
                    {
                        var nested = nestedQuote;
                        Push(OpenString(nestedStart, ref nested));
                        i = nested;
                        continue;
                    }
                }

                if (step == Step.OutOfBudget)
                    return OutOfBudget;
                for (var open = 1; open < depth; open++)
                {
                    if (!frames[open].IsField)
                        (unterminated ??= []).Add(frames[open].Start);
                }

                return Unterminated;
            }
        }

        /// <summary>The state of a string from its prefix and quote; <paramref name="i"/> moves past the opening delimiter.</summary>
        private Frame OpenString(int start, ref int i)
        {
            var frame = new Frame { Start = start, Quote = s[i] };
            for (var p = start; p < i; p++)
            {
                switch (s[p])
                {
                    case 'f' or 'F' or 't' or 'T':
                        frame.Format = true;
                        break;
                    case 'r' or 'R':
                        frame.Raw = true;
                        break;
                    case 'b' or 'B':
                        frame.Bytes = true;
                        break;
                }
            }

            frame.Triple = IsTriple(i);
            i += frame.Triple ? 3 : 1;
            frame.ScanStart = i;
            return frame;
        }

        private void Push(Frame frame)
        {
            if (depth == frames.Length)
                Array.Resize(ref frames, Math.Max(8, frames.Length * 2));
            frames[depth++] = frame;
        }

        /// <summary>
        /// A string's content from <paramref name="i"/>, as tree-sitter-python's scanner and escape tokens read it, up to
        /// its closing quote (<see cref="Step.Closed"/>, <paramref name="i"/> past it), a replacement field
        /// (<see cref="Step.OpenField"/>, past its brace) or a failure.
        /// </summary>
        private Step Content(ref Frame frame, ref int i)
        {
            while (i < n)
            {
                if (budget.Tick())
                    return Step.OutOfBudget;
                var c = s[i];
                if (c == '\\')
                {
                    if (frame.Raw)
                    {
                        // A raw string keeps its backslashes; one still protects a quote, a backslash and a line break.
                        i++;
                        if (i < n && (s[i] == frame.Quote || s[i] == '\\'))
                            i++;
                        if (i < n && s[i] == '\r')
                            i = i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
                        else if (i < n && s[i] == '\n')
                            i++;
                        continue;
                    }

                    if (frame.Bytes && i + 1 < n && s[i + 1] is 'N' or 'u' or 'U')
                    {
                        // Not escapes in bytes; tree-sitter's scanner steps over one more character with them.
                        i = Math.Min(i + 3, n);
                        frame.HasContent = true;
                        continue;
                    }

                    i += EscapeLength(i, frame.Bytes);
                    Restart(ref frame, i);
                    continue;
                }

                if (c == frame.Quote)
                {
                    if (!frame.Triple)
                    {
                        i++;
                        return Step.Closed;
                    }

                    if (i + 2 < n && s[i + 1] == c && s[i + 2] == c)
                    {
                        i += 3;
                        return Step.Closed;
                    }

                    i += i + 1 < n && s[i + 1] == c ? 2 : 1;
                    Restart(ref frame, i);
                    continue;
                }

                if (frame.Format && c is '{' or '}')
                {
                    if (i + 1 < n && s[i + 1] == c)
                    {
                        i += 2;
                        Restart(ref frame, i);
                        continue;
                    }

                    if (c == '}')
                        return Step.Failed;
                    i++;
                    return Step.OpenField;
                }

                if (c == '\0')
                    return Step.Failed;
                if (!frame.Triple && frame.HasContent && (c == '\n' || (c == '\r' && (i + 1 >= n || s[i + 1] != '\n'))))
                {
                    var resumed = Refused(ref frame, ref i);
                    if (resumed != Step.Closed)
                        return resumed;
                    continue;
                }

                i++;
                frame.HasContent = true;
            }

            return Step.Failed;
        }

        /// <summary>
        /// tree-sitter's scanner refused a line break inside a one-line string: the content it read since it started is
        /// dropped and tree-sitter's own lexer reads from that start instead, skipping white space and comments (extras,
        /// as between any two tokens). The string goes on if that lexer finds a backslash (an escape token: in a raw
        /// string too, where the scanner would have read it as text) or a <c>{</c> (an interpolation, in any string);
        /// after an escape or a comment the scanner starts afresh. <see cref="Step.Closed"/>: content goes on at
        /// <paramref name="i"/>.
        /// </summary>
        private Step Refused(ref Frame frame, ref int i)
        {
            var at = frame.ScanStart;
            while (at < n && IsSpace(s[at]))
                at++;
            if (at < n && s[at] == '#')
            {
                // tree-sitter's comment runs to "\n": in a CRLF line it takes the "\r" too.
                var length = s.AsSpan(at + 1).IndexOfAny('\n', '\r', '\0');
                i = length < 0 ? n : at + 1 + length;
                if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
                    i++;
                Restart(ref frame, i);
                return Step.Closed;
            }

            if (at < n && s[at] == '\\')
            {
                i = at + EscapeLength(at, bytes: false);
                Restart(ref frame, i);
                return Step.Closed;
            }

            if (at < n && s[at] == '{')
            {
                i = at + 1;
                return Step.OpenField;
            }

            return Step.Failed;
        }

        /// <summary>A token boundary inside a string: tree-sitter's scanner starts reading content afresh at <paramref name="at"/>.</summary>
        private static void Restart(ref Frame frame, int at)
        {
            frame.HasContent = false;
            frame.ScanStart = at;
        }

        /// <summary>
        /// The length of tree-sitter-python's <c>escape_sequence</c> at a backslash, or 1 where it reads only the backslash
        /// (<c>\d</c> and other unknown escapes; <c>\{</c>, so the brace still opens a field).
        /// </summary>
        private int EscapeLength(int at, bool bytes)
        {
            if (at + 1 >= n)
                return 1;
            switch (s[at + 1])
            {
                case '\n' or '\'' or '"' or '\\' or 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v':
                    return 2;
                case '\r':
                    return at + 2 < n && s[at + 2] == '\n' ? 3 : 2;
                case 'x':
                    return HexDigitsAt(at + 2, 2) ? 4 : 1;
                case 'u':
                    return HexDigitsAt(at + 2, 4) ? 6 : 1;
                case 'U':
                    return HexDigitsAt(at + 2, 8) ? 10 : 1;
                case >= '0' and <= '9':
                    var length = 2;
                    while (length < 4 && at + length < n && IsDigit(s[at + length]))
                        length++;
                    return length;
                case 'N' when !bytes && at + 3 < n && s[at + 2] == '{' && s[at + 3] != '}':
                    var close = CloseBraceFrom(at + 3);
                    return close > 0 && s[close] == '}' ? close - at + 1 : 1;
                default:
                    return 1;
            }
        }

        /// <summary>The first <c>}</c> or NUL at or after <paramref name="at"/>, or -1; remembered, as escapes come in order.</summary>
        private int CloseBraceFrom(int at)
        {
            if (at < closeSearchFrom || (closeAt >= 0 && at > closeAt))
            {
                var found = s.AsSpan(at).IndexOfAny('}', '\0');
                closeSearchFrom = at;
                closeAt = found < 0 ? -1 : at + found;
            }

            return closeAt;
        }

        private bool HexDigitsAt(int at, int length)
        {
            if (at + length > n)
                return false;
            for (var i = at; i < at + length; i++)
            {
                if (!IsHexDigit(s[i]))
                    return false;
            }

            return true;
        }

        /// <summary>
        /// The expression of a replacement field from <paramref name="i"/>: only what can end it matters (nested strings,
        /// brackets, comments), up to its closing brace (<see cref="Step.Closed"/>) or a nested string
        /// (<see cref="Step.OpenString"/>, with its prefix and quote); at a top-level ':' the frame goes on as its format
        /// spec (<see cref="Spec"/>).
        /// </summary>
        private Step Expression(ref Frame field, ref int i, out int nestedStart, out int nestedQuote)
        {
            nestedStart = nestedQuote = 0;
            while (i < n)
            {
                if (budget.Tick())
                    return Step.OutOfBudget;
                var c = s[i];
                switch (c)
                {
                    case '\'' or '"' or '`':
                        nestedStart = nestedQuote = i;
                        return Step.OpenString;
                    case '#':
                        var length = s.AsSpan(i + 1).IndexOfAny('\n', '\r', '\0');
                        i = length < 0 ? n : i + 1 + length;
                        continue;
                    case '(' or '[' or '{':
                        field.Brackets++;
                        i++;
                        continue;
                    case ')' or ']':
                        if (field.Brackets == 0)
                            return Step.Failed;
                        field.Brackets--;
                        i++;
                        continue;
                    case '}':
                        i++;
                        if (field.Brackets == 0)
                            return Step.Closed;
                        field.Brackets--;
                        continue;
                    case ':' when field.Brackets == 0:
                        // As CPython reads it: a ':' at the field's top level starts the format spec ("{x:=5}" too).
                        i++;
                        field.InSpec = true;
                        return Spec(ref i);
                    case '\\':
                        if (i + 1 < n && s[i + 1] is '\n' or '\0')
                        {
                            i += 2;
                            continue;
                        }

                        if (i + 1 < n && s[i + 1] == '\r')
                        {
                            i += i + 2 < n && s[i + 2] == '\n' ? 3 : 2;
                            continue;
                        }

                        return Step.Failed;
                    case '\0':
                        return Step.Failed;
                    case (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_':
                        var prefix = IsPrefixLetter(c);
                        var end = WordEnd(i + 1, ref prefix);
                        if (prefix && end < n && s[end] is '\'' or '"' or '`')
                        {
                            nestedStart = i;
                            nestedQuote = end;
                            return Step.OpenString;
                        }

                        i = end;
                        continue;
                    default:
                        // A name may end in non-ASCII letters: a quote after it is no prefixed string.
                        if (c >= 0x80 && CodePoint(i, out var codePoint) is var width && IdentifierCharacters.IsStart(codePoint))
                        {
                            var none = false;
                            i = WordEnd(i + width, ref none);
                            continue;
                        }

                        i++;
                        continue;
                }
            }

            return Step.Failed;
        }

        /// <summary>
        /// A format spec from <paramref name="i"/>: text up to the field's closing brace (<see cref="Step.Closed"/>) or a
        /// nested field (<see cref="Step.OpenField"/>); line breaks are white space to tree-sitter here.
        /// </summary>
        private Step Spec(ref int i)
        {
            while (i < n)
            {
                if (budget.Tick())
                    return Step.OutOfBudget;
                switch (s[i])
                {
                    case '{':
                        i++;
                        return Step.OpenField;
                    case '}':
                        i++;
                        return Step.Closed;
                    case '\0':
                        return Step.Failed;
                    default:
                        i++;
                        continue;
                }
            }

            return Step.Failed;
        }

        private int CodePoint(int at, out int codePoint)
        {
            var c = s[at];
            if (char.IsHighSurrogate(c) && at + 1 < n && char.IsLowSurrogate(s[at + 1]))
            {
                codePoint = char.ConvertToUtf32(c, s[at + 1]);
                return 2;
            }

            codePoint = c;
            return 1;
        }

        private int AddKeyword(int start, int length, string text)
        {
            Add(TokenKind.Keyword, start, start + length, text);
            return start + length;
        }

        private void Add(TokenKind kind, int start, int end, string text)
        {
            // The same span as source.Span(start, end), found by walking forward: tokens come in order.
            while (start >= nextLineStart)
                NextLine();
            var startLine = line;
            var startColumn = start - lineStart + 1;
            while (end >= nextLineStart)
                NextLine();
            if (count == tokens.Length)
                Grow(end);
            tokens[count++] = new Token(kind, text, new SourceSpan(start, end - start, startLine, startColumn, line, end - lineStart + 1));
        }

        /// <summary>A larger buffer, sized for the whole text at the density of the tokens up to <paramref name="at"/>.</summary>
        private void Grow(int at)
        {
            var expected = (long)count * n / Math.Max(1, at) * 9 / 8;
            var larger = ArrayPool<Token>.Shared.Rent((int)Math.Clamp(expected, count * 2L, Array.MaxLength));
            tokens.AsSpan(0, count).CopyTo(larger);
            tokens.AsSpan(0, count).Clear();
            ArrayPool<Token>.Shared.Return(tokens);
            tokens = larger;
        }

        private void NextLine()
        {
            line++;
            lineStart = nextLineStart;
            nextLineStart = line < lastLine ? source.LineStart(line + 1) : int.MaxValue;
        }

        private string Text(int start, int end)
        {
            if (end - start > MaxInternedLength)
                return s.Substring(start, end - start);
            var slice = s.AsSpan(start, end - start);
            if (interned.TryGetValue(slice, out var known))
                return known;
            var created = slice.ToString();
            interned[created] = created;
            return created;
        }

        private static bool IsDigit(char c) => c is >= '0' and <= '9';

        private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

        /// <summary>Any mix of these before a quote makes a string prefix to tree-sitter-python (CPython allows fewer).</summary>
        private static bool IsPrefixLetter(char c) => c is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F' or 't' or 'T';

        /// <summary>White space between tokens: Unicode's, plus the BOM and the invisible separators tree-sitter-python skips.</summary>
        private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u2060' or '\u200B';
    }
}
