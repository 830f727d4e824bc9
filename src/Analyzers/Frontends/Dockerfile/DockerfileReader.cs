using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// Reads one Dockerfile as BuildKit's parser does (frontend/dockerfile/parser): parser directives at the top, line
/// continuations with comment and blank lines inside them dropped, heredocs after RUN/COPY/ADD, JSON exec form, and
/// stages. One instance per parse; not thread-safe.
/// </summary>
internal sealed partial class DockerfileReader
{
    private const int MaxIssues = 100;

    private static readonly FrozenSet<string> Known = new[]
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly SourceText source;
    private readonly string text;
    private readonly IShellParser? shellParser;
    private readonly CancellationToken cancellationToken;
    private readonly List<PhysicalLine> lines;
    private readonly List<Token> tokens = [];
    private readonly List<ParseIssue> issues = [];
    private readonly Dictionary<string, string> directives = new(StringComparer.Ordinal);
    private char escape = '\\';
    private bool shellFailureReported;
    private bool issuesCapped;

    public DockerfileReader(SourceText source, IShellParser? shellParser, CancellationToken cancellationToken)
    {
        this.source = source;
        text = source.Text;
        this.shellParser = shellParser;
        this.cancellationToken = cancellationToken;
        lines = PhysicalLine.Split(text);
    }

    public ParsedSource Read()
    {
        var index = ReadDirectives();
        var globalArgs = ImmutableArray.CreateBuilder<DockerInstruction>();
        var fileChildren = new List<SyntaxNode>();
        var stages = new List<StageBuilder>();
        StageBuilder? stage = null;
        var knownSeen = false;
        var unknownSeen = false;
        var instructionCount = 0;

        while (index < lines.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[index];
            var first = line.FirstNonSpace(text);
            if (first == line.ContentEnd)
            {
                index++;
                continue;
            }

            if (text[first] == '#')
            {
                AddToken(tokens, TokenKind.Comment, first, TrimEnd(first, line.ContentEnd));
                index++;
                continue;
            }

            var read = ReadInstruction(ref index, stage?.PosixShell ?? true);
            if (read is null)
                continue;
            var (instruction, node) = read.Value;
            instructionCount++;
            var known = Known.Contains(instruction.Keyword);
            knownSeen |= known;
            unknownSeen |= !known;

            if (instruction.Keyword == "FROM")
            {
                stage = StartStage(instruction, stages);
                stages.Add(stage);
                stage.Add(instruction, node);
                continue;
            }

            if (stage is null)
            {
                fileChildren.Add(node);
                if (instruction.Keyword == "ARG")
                    globalArgs.Add(instruction);
                else if (known)
                    Issue(instruction.Span.Start, $"{instruction.Keyword} before the first FROM: only ARG may come before FROM; start a stage with FROM first");
                continue;
            }

            stage.Add(instruction, node);
            if (instruction.Keyword == "SHELL" && instruction.IsExecForm && instruction.ExecForm.Length > 0)
                stage.PosixShell = IsPosixShell(instruction.ExecForm[0]);
        }

        if (stages.Count == 0 && instructionCount > 0 && knownSeen)
            Issue(0, "no FROM instruction: a Dockerfile needs at least one FROM to start a build stage");

        var built = stages.Select(s => s.Build(source)).ToImmutableArray();
        var facts = new DockerfileFacts(directives.ToImmutableDictionary(StringComparer.Ordinal), globalArgs.ToImmutable(), built);
        var symbols = stages.Select((s, i) => new Symbol(SymbolKind.Stage, s.SymbolName, null, built[i].Span)).ToImmutableArray();
        fileChildren.AddRange(stages.Select(s => s.Node(source)));
        var root = new SyntaxNode(NodeKind.File, "file", source.Span(0, text.Length), null, fileChildren.ToImmutableArray());
        var orderedIssues = issues.OrderBy(i => i.Line).ThenBy(i => i.Column).ToImmutableArray();
        return new ParsedSource(root, Ordered(tokens), symbols, facts, orderedIssues, Failed: unknownSeen && !knownSeen);
    }

    private StageBuilder StartStage(DockerInstruction from, List<StageBuilder> stages)
    {
        var words = from.Arguments.Split((char[])[' ', '\t', '\v', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries);
        string? name = null;
        if (words.Length == 0)
            Issue(from.Span.Start, "FROM has no image: write FROM <image> [AS <name>]");
        else if (words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
            name = words[2];
        else if (words.Length != 1)
            Issue(from.ArgumentsSpan.Start, $"FROM takes an image and optionally 'AS <name>', not '{from.Arguments}'");

        if (name is not null && !name.Contains('$', StringComparison.Ordinal) && !StageName().IsMatch(name))
            Issue(from.ArgumentsSpan.Start, $"invalid stage name '{name}': it must start with a letter and hold only letters, digits, '-', '_' and '.'");

        var baseImage = words.Length > 0 ? words[0] : "";
        var parent = stages.LastOrDefault(s => s.Name is not null && s.Name.Equals(baseImage, StringComparison.OrdinalIgnoreCase));
        return new StageBuilder(stages.Count, name, baseImage, from.Flag("platform"), from, parent?.PosixShell ?? true);
    }

    /// <summary>Reads the parser directives at the top of the file; returns the index of the first line after them.</summary>
    private int ReadDirectives()
    {
        var index = 0;
        for (; index < lines.Count; index++)
        {
            var line = lines[index];
            var first = line.FirstNonSpace(text);
            var match = Directive().Match(text, first, line.ContentEnd - first);
            if (!match.Success)
                break;
            var name = match.Groups[1].Value.ToLowerInvariant();
            if (name is not ("syntax" or "escape" or "check"))
                break;

            AddToken(tokens, TokenKind.Comment, first, TrimEnd(first, line.ContentEnd));
            var value = match.Groups[2].Value;
            if (!directives.TryAdd(name, value))
            {
                Issue(first, $"only one '{name}' parser directive can be used; remove this one");
                continue;
            }

            if (name == "escape")
            {
                if (value is "`" or "\\")
                    escape = value[0];
                else
                    Issue(first, $"invalid escape directive '{value}': the escape character must be ` or \\");
            }
        }

        return index;
    }

    private (DockerInstruction Instruction, SyntaxNode Node)? ReadInstruction(ref int index, bool posixShell)
    {
        var own = new List<Token>();
        var logical = new LogicalLine();
        var continuations = new List<Continuation>();
        var dropped = new List<PhysicalLine>();
        var firstLine = lines[index];
        var lastContent = index;

        var continues = AppendLine(logical, continuations, firstLine, firstLine.FirstNonSpace(text));
        index++;
        while (continues && index < lines.Count)
        {
            var line = lines[index];
            var first = line.FirstNonSpace(text);
            if (first == line.ContentEnd || text[first] == '#')
            {
                if (first != line.ContentEnd)
                    AddToken(own, TokenKind.Comment, first, TrimEnd(first, line.ContentEnd));
                dropped.Add(line);
                index++;
                continue;
            }

            continues = AppendLine(logical, continuations, line, line.Start);
            lastContent = index;
            index++;
        }

        if (continues)
        {
            var last = lines[lastContent];
            Issue(continuations[^1].EscapeAt,
                $"unterminated line continuation: the instruction starting on line {firstLine.Number} ends with '{escape}' on line {last.Number} but the file ends; remove the '{escape}' or add the rest of the instruction");
        }

        var syntax = InstructionSyntax.Parse(logical.Text, 0, logical.Length);
        if (syntax is null)
        {
            tokens.AddRange(own);
            return null;
        }

        var end = lines[lastContent].ContentEnd;
        var target = syntax.Keyword == "ONBUILD" ? syntax.Inner : syntax;
        var targetShape = target is null ? null : Shape(logical, target);
        var heredocs = new List<HeredocRead>();
        if (target is not null && targetShape is not null && target.Keyword is "RUN" or "COPY" or "ADD" && targetShape.Exec is null)
        {
            foreach (var marker in HeredocMarker.Find(logical.Text, target.ArgumentsStart, target.ArgumentsEnd))
            {
                var read = ReadHeredoc(marker, logical.ToDocumentStart(marker.Start), ref index, own, target.Keyword == "RUN");
                heredocs.Add(read);
                end = read.End;
            }
        }

        var shape = syntax == target ? targetShape! : Shape(logical, syntax);
        var built = Build(syntax, shape, logical, end, heredocs, continuations, dropped, posixShell, own, targetShape);
        tokens.AddRange(own);
        return built;
    }

    /// <summary>Appends a physical line to the logical line; true when it ends with a continuation.</summary>
    private bool AppendLine(LogicalLine logical, List<Continuation> continuations, PhysicalLine line, int from)
    {
        var end = line.ContentEnd;
        while (end > from && text[end - 1] is ' ' or '\t')
            end--;
        // BuildKit's continuation: the escape character last on the line, unless it is itself escaped.
        var isContinuation = end > from && text[end - 1] == escape && (end - 1 == from || text[end - 2] != escape);
        if (isContinuation)
        {
            continuations.Add(new Continuation(end - 1, line));
            logical.Append(text, from, end - 1);
        }
        else
        {
            logical.Append(text, from, line.ContentEnd);
        }

        return isContinuation;
    }

    private HeredocRead ReadHeredoc(HeredocMarker marker, int markerAt, ref int index, List<Token> own, bool isRun)
    {
        var bodyStart = index < lines.Count ? lines[index].Start : text.Length;
        var bodyTokens = new List<Token>();
        for (; index < lines.Count; index++)
        {
            var line = lines[index];
            var contentStart = line.Start;
            if (marker.StripTabs)
                while (contentStart < line.ContentEnd && text[contentStart] == '\t')
                    contentStart++;
            if (text.AsSpan(contentStart, line.ContentEnd - contentStart).SequenceEqual(marker.Name))
            {
                var body = text[bodyStart..line.Start];
                AddToken(own, TokenKind.Keyword, contentStart, line.ContentEnd);
                index++;
                own.AddRange(bodyTokens);
                return new HeredocRead(
                    new DockerHeredoc(marker.Name, marker.StripTabs, marker.Quoted, marker.StripTabs ? LeadingTabs().Replace(body, "") : body, source.Span(bodyStart, line.Start)),
                    bodyStart, line.Start, line.ContentEnd);
            }

            AddBodyTokens(bodyTokens, line, expand: isRun || !marker.Quoted);
        }

        Issue(markerAt,
            $"unterminated heredoc: <<{marker.Name} is never closed by a line '{marker.Name}' before the end of the file; add the closing line");
        own.AddRange(bodyTokens);
        var rest = text[bodyStart..];
        var lastEnd = lines.Count > 0 ? Math.Max(bodyStart, lines[^1].ContentEnd) : text.Length;
        return new HeredocRead(
            new DockerHeredoc(marker.Name, marker.StripTabs, marker.Quoted, marker.StripTabs ? LeadingTabs().Replace(rest, "") : rest, source.Span(bodyStart, text.Length)),
            bodyStart, text.Length, lastEnd);
    }

    private void AddBodyTokens(List<Token> into, PhysicalLine line, bool expand)
    {
        foreach (var (start, end) in DockerfileWords.Split(text, line.Start, line.ContentEnd, '\\'))
        {
            if (!expand)
            {
                AddToken(into, TokenKind.Literal, start, end);
                continue;
            }

            foreach (var (kind, pieceStart, pieceEnd) in DockerfileWords.Pieces(text, start, end, '\\'))
                AddToken(into, kind, pieceStart, pieceEnd);
        }
    }

    /// <summary>What the arguments of an instruction are: exec form, the start of a shell-form command, HEALTHCHECK's type word.</summary>
    private InstructionShape Shape(LogicalLine logical, InstructionSyntax syntax)
    {
        var t = logical.Text;
        var bodyStart = syntax.ArgumentsStart;
        (int Start, int End)? typeWord = null;
        var hasCommand = syntax.Keyword is "RUN" or "CMD" or "ENTRYPOINT";
        if (syntax.Keyword == "HEALTHCHECK")
        {
            var wordEnd = bodyStart;
            while (wordEnd < syntax.ArgumentsEnd && !char.IsWhiteSpace(t[wordEnd]))
                wordEnd++;
            if (wordEnd > bodyStart)
                typeWord = (bodyStart, wordEnd);
            hasCommand = wordEnd > bodyStart && t[bodyStart..wordEnd].Equals("CMD", StringComparison.OrdinalIgnoreCase);
            bodyStart = wordEnd;
            while (bodyStart < syntax.ArgumentsEnd && char.IsWhiteSpace(t[bodyStart]))
                bodyStart++;
        }

        ExecForm? exec = null;
        if (syntax.Keyword is "RUN" or "CMD" or "ENTRYPOINT" or "SHELL" or "ADD" or "COPY" or "VOLUME" || hasCommand)
        {
            var result = ExecForm.TryParse(t, bodyStart, syntax.ArgumentsEnd, out exec);
            if (result == ExecFormResult.NotStrings)
                Issue(logical.ToDocumentStart(bodyStart), $"the JSON array of {syntax.Keyword} must hold only strings; quote every element or use shell form");
        }

        if (syntax.Keyword == "SHELL" && exec is null)
            Issue(logical.ToDocumentStart(syntax.KeywordStart), "SHELL needs its arguments in JSON form, for example SHELL [\"/bin/bash\", \"-c\"]");

        return new InstructionShape(bodyStart, exec, typeWord, hasCommand);
    }

    private (DockerInstruction Instruction, SyntaxNode Node) Build(
        InstructionSyntax syntax,
        InstructionShape shape,
        LogicalLine logical,
        int end,
        List<HeredocRead> heredocs,
        List<Continuation> continuations,
        List<PhysicalLine> dropped,
        bool posixShell,
        List<Token> own,
        InstructionShape? innerShape)
    {
        var t = logical.Text;
        var keywordStart = logical.ToDocumentStart(syntax.KeywordStart);
        AddLogical(own, TokenKind.Keyword, logical, syntax.KeywordStart, syntax.KeywordEnd);
        if (!Known.Contains(syntax.Keyword))
            Issue(keywordStart, $"unknown instruction '{syntax.KeywordText}': it is not a Dockerfile instruction (check the spelling, or whether a line continuation is missing above)");

        var flags = ImmutableArray.CreateBuilder<DockerFlag>(syntax.Flags.Count);
        foreach (var flag in syntax.Flags)
        {
            flags.Add(new DockerFlag(flag.Name, flag.Value, source.Span(logical.ToDocumentStart(flag.Start), logical.ToDocumentEnd(flag.End))));
            if (flag.ValueStart < 0)
            {
                AddLogical(own, TokenKind.Keyword, logical, flag.Start, flag.End);
                continue;
            }

            AddLogical(own, TokenKind.Keyword, logical, flag.Start, flag.ValueStart);
            AddLogical(own, TokenKind.Literal, logical, flag.ValueStart, flag.End);
        }

        var argumentsStart = logical.ToDocumentStart(syntax.ArgumentsStart);
        var argumentsEnd = Math.Max(argumentsStart, logical.ToDocumentEnd(syntax.ArgumentsEnd));
        if (syntax.ArgumentsEnd == syntax.ArgumentsStart)
            argumentsStart = argumentsEnd = logical.ToDocumentEnd(syntax.ArgumentsStart);
        var argumentsSpan = source.Span(argumentsStart, argumentsEnd);
        var span = source.Span(keywordStart, Math.Max(keywordStart, end));

        DockerInstruction? inner = null;
        SyntaxNode? innerNode = null;
        if (syntax.Keyword == "ONBUILD")
        {
            if (syntax.Inner is null)
            {
                if (syntax.ArgumentsEnd == syntax.ArgumentsStart)
                    Issue(keywordStart, "ONBUILD needs an instruction to run in images built FROM this one, for example ONBUILD RUN make");
            }
            else
            {
                if (syntax.Inner.Keyword is "ONBUILD" or "FROM" or "MAINTAINER")
                    Issue(logical.ToDocumentStart(syntax.Inner.KeywordStart), $"{syntax.Inner.Keyword} is not allowed as an ONBUILD trigger");
                (inner, innerNode) = Build(syntax.Inner, innerShape!, logical, end, heredocs, continuations, dropped, posixShell, own, null);
            }

            var onbuild = new DockerInstruction(syntax.Keyword, flags.ToImmutable(), t[syntax.ArgumentsStart..syntax.ArgumentsEnd], argumentsSpan,
                default, ImmutableArray<DockerHeredoc>.Empty, span, null, inner);
            var children = innerNode is null ? ImmutableArray<SyntaxNode>.Empty : ImmutableArray.Create(innerNode);
            return (onbuild, new SyntaxNode(NodeKind.Instruction, "onbuild", span, null, children));
        }

        AddArgumentTokens(own, syntax, shape, logical, heredocs);

        ShellFacts? shellFacts = null;
        var shellNodes = ImmutableArray<SyntaxNode>.Empty;
        if (shape.HasCommand && shape.Exec is null && shape.BodyStart < syntax.ArgumentsEnd && posixShell && shellParser is not null)
        {
            var region = ShellRegion(syntax, shape, logical, heredocs);
            if (region is { } r && r.End > r.Start)
                (shellFacts, shellNodes) = ParseShell(syntax.Keyword, r.Start, r.End, continuations, dropped, own);
        }

        var instruction = new DockerInstruction(
            syntax.Keyword,
            flags.ToImmutable(),
            t[syntax.ArgumentsStart..syntax.ArgumentsEnd],
            argumentsSpan,
            shape.Exec?.Values ?? default,
            heredocs.Select(h => h.Heredoc).ToImmutableArray(),
            span,
            shellFacts);
        return (instruction, new SyntaxNode(NodeKind.Instruction, syntax.Keyword.ToLowerInvariant(), span, null, shellNodes));
    }

    /// <summary>
    /// The part of the document the shell reads: the command (from its first word to the end of the instruction line),
    /// the heredocs after it included. A RUN whose command starts with its only heredoc runs the heredoc's body as a
    /// script: parsed as shell unless a shebang or the program after the heredoc names another interpreter.
    /// </summary>
    private (int Start, int End)? ShellRegion(InstructionSyntax syntax, InstructionShape shape, LogicalLine logical, List<HeredocRead> heredocs)
    {
        var start = logical.ToDocumentStart(shape.BodyStart);
        var end = logical.ToDocumentEnd(syntax.ArgumentsEnd);
        if (heredocs.Count == 0)
            return (start, end);

        var markers = HeredocMarker.Find(logical.Text, shape.BodyStart, syntax.ArgumentsEnd);
        if (heredocs.Count == 1 && markers.Count == 1 && markers[0].Start == shape.BodyStart)
        {
            // RUN <<EOF runs the body as a script; RUN <<EOF bash (or python3) feeds it to that program.
            var body = heredocs[0];
            var program = logical.Text[markers[0].End..syntax.ArgumentsEnd].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var runsShell = program.Length == 0 ? IsShellScript(body.Heredoc.Body) : IsPosixShell(program[0]);
            return runsShell ? (body.BodyStart, body.BodyEnd) : null;
        }

        return (start, heredocs[^1].End);
    }

    private (ShellFacts Facts, ImmutableArray<SyntaxNode> Nodes) ParseShell(
        string keyword, int start, int end, List<Continuation> continuations, List<PhysicalLine> dropped, List<Token> own)
    {
        var snippet = ShellSnippet.Mask(text, start, end, continuations, dropped);
        var result = shellParser!.Parse(source, start, snippet, cancellationToken);
        var facts = result.Facts as ShellFacts ?? ShellFacts.Empty;

        if (result.Failed)
        {
            if (!shellFailureReported)
            {
                shellFailureReported = true;
                var reason = result.Issues.IsDefaultOrEmpty ? "the shell parser failed" : result.Issues[0].Message;
                Issue(start, $"shell-form {keyword} was not parsed as shell: {reason}");
            }
        }
        else if (!result.Issues.IsDefaultOrEmpty)
        {
            foreach (var issue in result.Issues)
                AddIssue(new ParseIssue(issue.Line, issue.Column, $"shell in {keyword}: {issue.Message}"));
        }

        var shellTokens = result.Tokens.IsDefault
            ? []
            : result.Tokens.Where(token => token.Span.Start >= start && token.Span.End <= end && token.Span.Length > 0
                && token.Span.End <= text.Length && text.AsSpan(token.Span.Start, token.Span.Length).SequenceEqual(token.Text)).ToList();
        if (shellTokens.Count > 0)
        {
            own.RemoveAll(token => token.Kind != TokenKind.Comment && token.Span.Start < end && token.Span.End > start);
            own.AddRange(shellTokens);
        }

        var nodes = result.Root.Children.IsDefault
            ? ImmutableArray<SyntaxNode>.Empty
            : result.Root.Children.Where(n => n.Span.Start >= start && n.Span.End <= end).ToImmutableArray();
        return (facts, nodes);
    }

    private void AddArgumentTokens(List<Token> own, InstructionSyntax syntax, InstructionShape shape, LogicalLine logical, List<HeredocRead> heredocs)
    {
        var t = logical.Text;
        if (shape.TypeWord is { } type)
            AddLogical(own, TokenKind.Keyword, logical, type.Start, type.End);

        if (shape.Exec is { } exec)
        {
            foreach (var (start, end) in exec.Punctuation)
                AddLogical(own, TokenKind.Keyword, logical, start, end);
            foreach (var (start, end) in exec.Strings)
                AddLogical(own, TokenKind.Literal, logical, start, end);
            return;
        }

        var markers = heredocs.Count == 0 ? [] : HeredocMarker.Find(t, syntax.ArgumentsStart, syntax.ArgumentsEnd);
        var words = DockerfileWords.Split(t, shape.BodyStart, syntax.ArgumentsEnd, escape);
        for (var w = 0; w < words.Count; w++)
        {
            var (start, end) = words[w];
            if (markers.Any(m => m.Start == start && m.End == end)
                || (syntax.Keyword == "FROM" && w == 1 && words.Count == 3 && t[start..end].Equals("AS", StringComparison.OrdinalIgnoreCase)))
            {
                AddLogical(own, TokenKind.Keyword, logical, start, end);
                continue;
            }

            foreach (var (kind, pieceStart, pieceEnd) in DockerfileWords.Pieces(t, start, end, escape))
                AddLogical(own, kind, logical, pieceStart, pieceEnd);
        }
    }

    /// <summary>A shell script unless a shebang names another interpreter (python, node, ...).</summary>
    private static bool IsShellScript(string body)
    {
        if (!body.StartsWith("#!", StringComparison.Ordinal))
            return true;
        var lineEnd = body.IndexOfAny(['\n', '\r']);
        var words = body[2..(lineEnd < 0 ? body.Length : lineEnd)].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return true;
        var program = Path.GetFileName(words[0]);
        if (program == "env")
            program = words.Skip(1).FirstOrDefault(w => !w.StartsWith('-')) is { } named ? Path.GetFileName(named) : "";
        return IsPosixShell(program);
    }

    private static bool IsPosixShell(string program)
    {
        var name = program.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (name.EndsWith(".exe", StringComparison.Ordinal))
            name = name[..^4];
        return name is "sh" or "bash" or "dash" or "ash" or "zsh" or "ksh" or "mksh";
    }

    private void AddLogical(List<Token> into, TokenKind kind, LogicalLine logical, int start, int end)
    {
        foreach (var (pieceStart, pieceEnd) in logical.Pieces(start, end))
            AddToken(into, kind, pieceStart, pieceEnd);
    }

    private void AddToken(List<Token> into, TokenKind kind, int start, int end)
    {
        if (end > start)
            into.Add(new Token(kind, text[start..end], source.Span(start, end)));
    }

    private int TrimEnd(int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return end;
    }

    private void Issue(int offset, string message)
    {
        var span = source.Span(offset, offset);
        AddIssue(new ParseIssue(span.StartLine, span.StartColumn, message));
    }

    private void AddIssue(ParseIssue issue)
    {
        if (issuesCapped)
            return;
        if (issues.Count >= MaxIssues)
        {
            issuesCapped = true;
            issues.Add(issue with { Message = $"more than {MaxIssues} problems; the rest are not reported" });
            return;
        }

        issues.Add(issue);
    }

    /// <summary>Tokens in source order without overlaps (a shell parser's tokens replace ours where they cover the same text).</summary>
    private static ImmutableArray<Token> Ordered(List<Token> tokens)
    {
        var sorted = tokens.OrderBy(t => t.Span.Start).ThenByDescending(t => t.Span.Length).ToList();
        var result = ImmutableArray.CreateBuilder<Token>(sorted.Count);
        var end = 0;
        foreach (var token in sorted)
        {
            if (token.Span.Start < end)
                continue;
            result.Add(token);
            end = token.Span.End;
        }

        return result.ToImmutable();
    }

    private const string DirectivePattern = @"\G#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$";
    private const string StageNamePattern = @"^[a-z][a-z0-9\-_.]*$";
    private const string LeadingTabsPattern = @"^\t+";

#if NET
    [GeneratedRegex(DirectivePattern, RegexOptions.CultureInvariant)]
    private static partial Regex Directive();

    [GeneratedRegex(StageNamePattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StageName();

    [GeneratedRegex(LeadingTabsPattern, RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTabs();
#else
    // netstandard2.0 (the analyzer package) has no regex source generator.
    private static readonly Regex DirectiveRegex = new(DirectivePattern, RegexOptions.CultureInvariant);
    private static readonly Regex StageNameRegex = new(StageNamePattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex LeadingTabsRegex = new(LeadingTabsPattern, RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static Regex Directive() => DirectiveRegex;

    private static Regex StageName() => StageNameRegex;

    private static Regex LeadingTabs() => LeadingTabsRegex;
#endif

    private readonly record struct HeredocRead(DockerHeredoc Heredoc, int BodyStart, int BodyEnd, int End);

    private sealed record InstructionShape(int BodyStart, ExecForm? Exec, (int Start, int End)? TypeWord, bool HasCommand);
}
