using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>
/// Test-only stand-in for the frontends: builds a <see cref="FileModel"/> from a path and a text with a deterministic
/// splitter: classed tokens with spans, a normalized tree (file, functions, classes, stages, instructions,
/// statements, blocks), symbols and the facts the clone engine reads (Python imports, shell commands). It knows
/// enough Python, shell and Dockerfile for the clone engine's tests (the engine only consumes tokens and nodes), and
/// returns no parse for compose, C# and other files, as the engine then lexes them itself.
/// </summary>
internal static partial class TestTokenBuilder
{
    private static readonly HashSet<string> PythonKeywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    };

    private static readonly string[] PythonOperators =
    [
        "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=",
        "<<", ">>",
    ];

    public static Language LanguageOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".py", StringComparison.Ordinal))
            return Language.Python;
        if (name.EndsWith(".sh", StringComparison.Ordinal))
            return Language.Shell;
        if (name.StartsWith("Dockerfile", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal))
            return Language.Dockerfile;
        if (name.StartsWith("compose", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal))
            return Language.Compose;
        if (name.EndsWith(".cs", StringComparison.Ordinal))
            return Language.CSharp;
        return Language.Other;
    }

    public static FileModel File(string path, string text, ParseStatus status = ParseStatus.Ok)
    {
        var language = LanguageOf(path);
        var source = new SourceText(text);
        if (status is ParseStatus.Skipped)
            return new FileModel(path, language, status, "skipped by the test", null, null);
        var parsed = language switch
        {
            Language.Python => Python(source),
            Language.Shell => Shell(source),
            Language.Dockerfile => Dockerfile(source),
            _ => null,
        };
        if (status is ParseStatus.Failed)
            parsed = ParsedSource.FailedWith(source, new ParseIssue(1, 1, "failed by the test"));
        return new FileModel(path, language, status, status == ParseStatus.Ok ? null : "set by the test", source, parsed);
    }

    public static IReadOnlyList<FileModel> Files(params (string Path, string Text)[] files) => files.Select(f => File(f.Path, f.Text)).ToList();

    // ---- Python ---------------------------------------------------------------------------------------------------

    private static ParsedSource Python(SourceText source)
    {
        var tokens = PythonTokens(source);
        var lines = LogicalLines(tokens);
        var symbols = new List<Symbol>();
        var imports = new List<PythonImport>();
        var index = 0;
        var children = PythonBlock(source, tokens, lines, ref index, -1, null, false, symbols, imports);
        var root = new SyntaxNode(NodeKind.File, "Module", source.Span(0, source.Text.Length), null, children);
        var facts = new PythonFacts(imports.ToImmutableArray(), ImmutableArray<string>.Empty);
        return new ParsedSource(root, tokens.ToImmutableArray(), symbols.ToImmutableArray(), facts, ImmutableArray<ParseIssue>.Empty);
    }

    private static List<Token> PythonTokens(SourceText source)
    {
        var text = source.Text;
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\\')
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (c == '#')
            {
                while (i < text.Length && text[i] is not ('\n' or '\r'))
                    i++;
                kind = TokenKind.Comment;
            }
            else if (c is '"' or '\'')
            {
                i = PythonStringEnd(text, i);
                kind = TokenKind.Literal;
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                    i++;
                kind = TokenKind.Literal;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                var word = text[start..i];
                if (i < text.Length && text[i] is '"' or '\'' && word.ToLowerInvariant() is "f" or "r" or "b" or "rb" or "br" or "fr" or "rf" or "u")
                {
                    i = PythonStringEnd(text, i);
                    kind = TokenKind.Literal;
                }
                else
                {
                    kind = PythonKeywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier;
                }
            }
            else
            {
                var op = PythonOperators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
                i += op?.Length ?? 1;
                kind = TokenKind.Keyword;
            }

            tokens.Add(new Token(kind, text[start..i], source.Span(start, i)));
        }

        return tokens;
    }

    private static int PythonStringEnd(string text, int open)
    {
        var quote = text[open];
        if (string.CompareOrdinal(text, open, new string(quote, 3), 0, 3) == 0)
        {
            var close = text.IndexOf(new string(quote, 3), open + 3, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 3;
        }

        var i = open + 1;
        while (i < text.Length && text[i] != quote && text[i] is not ('\n' or '\r'))
            i += text[i] == '\\' ? 2 : 1;
        return Math.Min(text.Length, i + 1);
    }

    /// <summary>Logical lines: token ranges [Start, End) split at line ends outside brackets, each ending at its last code token.</summary>
    private static List<(int Start, int End)> LogicalLines(List<Token> tokens)
    {
        var lines = new List<(int, int)>();
        var depth = 0;
        var start = -1;
        var last = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Comment)
                continue;
            if (start >= 0 && depth == 0 && tokens[i].Span.StartLine > tokens[last].Span.EndLine)
            {
                lines.Add((start, last + 1));
                start = -1;
            }

            if (start < 0)
                start = i;
            last = i;
            depth += tokens[i].Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            depth = Math.Max(0, depth);
        }

        if (start >= 0)
            lines.Add((start, last + 1));
        return lines;
    }

    private static ImmutableArray<SyntaxNode> PythonBlock(
        SourceText source, List<Token> tokens, List<(int Start, int End)> lines, ref int index, int parentIndent, string? container, bool inClass,
        List<Symbol> symbols, List<PythonImport> imports)
    {
        var nodes = ImmutableArray.CreateBuilder<SyntaxNode>();
        var decoratorStart = -1;
        while (index < lines.Count)
        {
            var (start, end) = lines[index];
            var first = tokens[start];
            var indent = first.Span.StartColumn;
            if (indent <= parentIndent)
                break;
            index++;
            if (first.Text == "@")
            {
                decoratorStart = decoratorStart < 0 ? first.Span.Start : decoratorStart;
                continue;
            }

            var spanStart = decoratorStart >= 0 ? decoratorStart : first.Span.Start;
            decoratorStart = -1;
            var word = first.Text == "async" && end - start > 1 ? tokens[start + 1].Text : first.Text;
            var header = tokens[end - 1].Text == ":";
            if (header && word is "def" or "class")
            {
                var nameToken = tokens.Skip(start).Take(end - start).First(t => t.Kind == TokenKind.Identifier);
                var body = PythonBlock(source, tokens, lines, ref index, indent, container is null ? nameToken.Text : container + "." + nameToken.Text, word == "class", symbols, imports);
                var span = source.Span(spanStart, body.IsEmpty ? tokens[end - 1].Span.End : body[^1].Span.End);
                var isClass = word == "class";
                symbols.Add(new Symbol(isClass ? SymbolKind.Class : inClass ? SymbolKind.Method : SymbolKind.Function, nameToken.Text, container, span));
                nodes.Add(new SyntaxNode(isClass ? NodeKind.Class : NodeKind.Function, isClass ? "ClassDef" : "FunctionDef", span, nameToken.Text, body));
                continue;
            }

            if (header)
            {
                var blocks = ImmutableArray.CreateBuilder<SyntaxNode>();
                var statementEnd = tokens[end - 1].Span.End;
                while (true)
                {
                    var body = PythonBlock(source, tokens, lines, ref index, indent, container, false, symbols, imports);
                    if (!body.IsEmpty)
                    {
                        blocks.Add(new SyntaxNode(NodeKind.Block, "body", source.Span(body[0].Span.Start, body[^1].Span.End), null, body));
                        statementEnd = body[^1].Span.End;
                    }

                    if (index >= lines.Count)
                        break;
                    var next = tokens[lines[index].Start];
                    if (next.Span.StartColumn != indent || next.Text is not ("elif" or "else" or "except" or "finally" or "case"))
                        break;
                    statementEnd = tokens[lines[index].End - 1].Span.End;
                    index++;
                }

                nodes.Add(new SyntaxNode(NodeKind.Statement, char.ToUpperInvariant(word[0]) + word[1..], source.Span(spanStart, statementEnd), null, blocks.ToImmutable()));
                continue;
            }

            var statementSpan = source.Span(first.Span.Start, tokens[end - 1].Span.End);
            var raw = word switch { "import" => "Import", "from" => "ImportFrom", "return" => "Return", _ => "Expr" };
            if (word is "import" or "from")
            {
                var module = end - start > 1 ? tokens[start + 1].Text : "";
                imports.Add(new PythonImport(word == "import" ? ImportStyle.Import : ImportStyle.From, module, 0, ImmutableArray<ImportedName>.Empty, null,
                    statementSpan, tokens[Math.Min(start + 1, end - 1)].Span, container is not null, false));
            }

            nodes.Add(SyntaxNode.Leaf(NodeKind.Statement, raw, statementSpan));
        }

        return nodes.ToImmutable();
    }

    // ---- Shell ----------------------------------------------------------------------------------------------------

    private static ParsedSource Shell(SourceText source)
    {
        var tokens = new List<Token>();
        var commands = new List<ShellCommand>();
        new TestShellLexer(source, tokens, commands).Lex(0, source.Text.Length);
        var symbols = new List<Symbol>();
        var root = ShellTree(source, 0, source.Text.Length, symbols);
        var facts = new ShellFacts(commands.ToImmutableArray(), ImmutableArray<ShellAssignment>.Empty, ImmutableArray<ShellHeredoc>.Empty);
        return new ParsedSource(root, tokens.ToImmutableArray(), symbols.ToImmutableArray(), facts, ImmutableArray<ParseIssue>.Empty);
    }

    /// <summary>Line-based shell structure: functions, if/loop/case blocks and one statement per logical line.</summary>
    private static SyntaxNode ShellTree(SourceText source, int from, int to, List<Symbol>? symbols)
    {
        var stack = new Stack<(NodeKind Kind, string Raw, string? Name, int Start, ImmutableArray<SyntaxNode>.Builder Children)>();
        stack.Push((NodeKind.File, "program", null, from, ImmutableArray.CreateBuilder<SyntaxNode>()));
        foreach (var (start, end) in ShellLogicalLines(source.Text, from, to))
        {
            var line = source.Text[start..end].Trim();
            var lineStart = start + source.Text[start..end].IndexOf(line[0]);
            var lineEnd = lineStart + line.Length;
            var function = FunctionHeader().Match(line);
            var first = line.Split(' ', ';', '\t')[0];
            if (function.Success)
            {
                stack.Push((NodeKind.Function, "function_definition", function.Groups["name"].Value, lineStart, ImmutableArray.CreateBuilder<SyntaxNode>()));
            }
            else if (line.StartsWith('}') && stack.Peek().Kind == NodeKind.Function)
            {
                var open = stack.Pop();
                var span = source.Span(open.Start, lineEnd);
                symbols?.Add(new Symbol(SymbolKind.ShellFunction, open.Name!, null, span));
                stack.Peek().Children.Add(new SyntaxNode(NodeKind.Function, open.Raw, span, open.Name, open.Children.ToImmutable()));
            }
            else if (first is "if" or "for" or "while" or "until" or "case" && !OneLineBlock().IsMatch(line))
            {
                stack.Push((NodeKind.Block, first + "_statement", null, lineStart, ImmutableArray.CreateBuilder<SyntaxNode>()));
            }
            else if (first is "fi" or "done" or "esac" && stack.Peek().Kind == NodeKind.Block)
            {
                var open = stack.Pop();
                stack.Peek().Children.Add(new SyntaxNode(NodeKind.Block, open.Raw, source.Span(open.Start, lineEnd), null, open.Children.ToImmutable()));
            }
            else if (first is "else" or "elif" or ";;" || line.EndsWith(')') && stack.Peek().Raw == "case_statement")
            {
                continue;
            }
            else
            {
                stack.Peek().Children.Add(SyntaxNode.Leaf(NodeKind.Statement, "command", source.Span(lineStart, lineEnd)));
            }
        }

        while (stack.Count > 1)
        {
            var open = stack.Pop();
            stack.Peek().Children.Add(new SyntaxNode(open.Kind, open.Raw, source.Span(open.Start, to), open.Name, open.Children.ToImmutable()));
        }

        var root = stack.Pop();
        return new SyntaxNode(NodeKind.File, "program", source.Span(from, to), null, root.Children.ToImmutable());
    }

    /// <summary>Logical lines [start, end) of shell text: physical lines joined at a trailing backslash; blank and comment lines left out.</summary>
    private static IEnumerable<(int Start, int End)> ShellLogicalLines(string text, int from, int to)
    {
        var start = from;
        var i = from;
        while (i <= to)
        {
            if (i == to || text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                if (end > start && text[end - 1] == '\\' && i < to)
                {
                    i++;
                    continue;
                }

                var line = text[start..end].Trim();
                if (line.Length > 0 && !line.StartsWith('#'))
                    yield return (start, end);
                start = i + 1;
            }

            i++;
        }
    }

    [GeneratedRegex(@"^(function\s+)?(?<name>[A-Za-z_][A-Za-z0-9_:-]*)\s*(\(\s*\))?\s*\{\s*$")]
    private static partial Regex FunctionHeader();

    [GeneratedRegex(@"^(if|for|while|until|case)\b.*\b(fi|done|esac)\s*;?\s*$")]
    private static partial Regex OneLineBlock();

    // ---- Dockerfile -----------------------------------------------------------------------------------------------

    private static ParsedSource Dockerfile(SourceText source)
    {
        var text = source.Text;
        var tokens = new List<Token>();
        var stages = new List<(string? Name, int Start, int End, List<SyntaxNode> Nodes, List<DockerInstruction> Instructions, DockerInstruction From)>();
        var globalArgs = new List<DockerInstruction>();
        var fileChildren = ImmutableArray.CreateBuilder<SyntaxNode>();
        var symbols = new List<Symbol>();
        foreach (var (start, end) in ShellLogicalLines(text, 0, text.Length))
        {
            var first = start;
            while (char.IsWhiteSpace(text[first]))
                first++;
            var keywordEnd = first;
            while (keywordEnd < end && !char.IsWhiteSpace(text[keywordEnd]))
                keywordEnd++;
            var keyword = text[first..keywordEnd].ToUpperInvariant();
            tokens.Add(new Token(TokenKind.Keyword, text[first..keywordEnd], source.Span(first, keywordEnd)));
            var argumentsStart = keywordEnd;
            while (argumentsStart < end && text[argumentsStart] is ' ' or '\t')
                argumentsStart++;

            ShellFacts? shell = null;
            var children = ImmutableArray<SyntaxNode>.Empty;
            if (keyword is "RUN" or "CMD" or "ENTRYPOINT" && argumentsStart < end && text[argumentsStart] != '[')
            {
                var commands = new List<ShellCommand>();
                new TestShellLexer(source, tokens, commands).Lex(argumentsStart, end);
                shell = new ShellFacts(commands.ToImmutableArray(), ImmutableArray<ShellAssignment>.Empty, ImmutableArray<ShellHeredoc>.Empty);
                children = ImmutableArray.Create(SyntaxNode.Leaf(NodeKind.Statement, "list", source.Span(argumentsStart, end)));
            }
            else
            {
                DockerArguments(source, argumentsStart, end, tokens);
            }

            var arguments = text[argumentsStart..end].Replace("\\\n", " ", StringComparison.Ordinal);
            var instruction = new DockerInstruction(keyword, ImmutableArray<DockerFlag>.Empty, arguments, source.Span(argumentsStart, end),
                default, ImmutableArray<DockerHeredoc>.Empty, source.Span(first, end), shell);
            var node = new SyntaxNode(NodeKind.Instruction, keyword.ToLowerInvariant(), source.Span(first, end), null, children);
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = parts.Length >= 3 && parts[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[^1] : null;
                stages.Add((name, first, end, [node], [instruction], instruction));
            }
            else if (stages.Count == 0)
            {
                globalArgs.Add(instruction);
                fileChildren.Add(node);
            }
            else
            {
                var stage = stages[^1];
                stage.Nodes.Add(node);
                stage.Instructions.Add(instruction);
                stages[^1] = stage with { End = end };
            }
        }

        var dockerStages = new List<DockerStage>();
        for (var s = 0; s < stages.Count; s++)
        {
            var (name, start, end, nodes, instructions, from) = stages[s];
            var span = source.Span(start, end);
            var symbol = name ?? s.ToString(CultureInfo.InvariantCulture);
            fileChildren.Add(new SyntaxNode(NodeKind.Stage, "stage", span, symbol, nodes.ToImmutableArray()));
            symbols.Add(new Symbol(SymbolKind.Stage, symbol, null, span));
            dockerStages.Add(new DockerStage(s, name, from.Arguments.Split(' ')[0], null, from.Span, span, instructions.ToImmutableArray()));
        }

        var facts = new DockerfileFacts(ImmutableDictionary<string, string>.Empty, globalArgs.ToImmutableArray(), dockerStages.ToImmutableArray());
        var root = new SyntaxNode(NodeKind.File, "file", source.Span(0, text.Length), null, fileChildren.ToImmutable());
        var ordered = tokens.OrderBy(t => t.Span.Start).ToImmutableArray();
        return new ParsedSource(root, ordered, symbols.ToImmutableArray(), facts, ImmutableArray<ParseIssue>.Empty);
    }

    /// <summary>Flags as Keyword + Literal value, JSON punctuation as Keyword, every other word as Literal.</summary>
    private static void DockerArguments(SourceText source, int start, int end, List<Token> tokens)
    {
        var text = source.Text;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\\' && i + 1 < end && text[i + 1] is '\n' or '\r')
            {
                i++;
                continue;
            }

            var from = i;
            if (c is '[' or ']' or ',')
            {
                tokens.Add(new Token(TokenKind.Keyword, c.ToString(), source.Span(i, i + 1)));
                i++;
                continue;
            }

            if (c == '"')
            {
                i = text.IndexOf('"', i + 1);
                i = i < 0 || i >= end ? end : i + 1;
                tokens.Add(new Token(TokenKind.Literal, text[from..i], source.Span(from, i)));
                continue;
            }

            while (i < end && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or ']'))
                i++;
            var word = text[from..i];
            var equals = word.IndexOf('=');
            if (word.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                tokens.Add(new Token(TokenKind.Keyword, word[..(equals + 1)], source.Span(from, from + equals + 1)));
                if (equals + 1 < word.Length)
                    tokens.Add(new Token(TokenKind.Literal, word[(equals + 1)..], source.Span(from + equals + 1, i)));
            }
            else
            {
                tokens.Add(new Token(word.Equals("AS", StringComparison.OrdinalIgnoreCase) ? TokenKind.Keyword : TokenKind.Literal, word, source.Span(from, i)));
            }
        }
    }
}
