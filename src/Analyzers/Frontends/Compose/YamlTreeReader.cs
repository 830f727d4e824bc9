using Consolidate.Analyzers.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Consolidate.Analyzers.Frontends.Compose;

/// <summary>
/// Builds the first document of a YAML text as a <see cref="YamlValue"/> tree from YamlDotNet's event parser, with
/// the defences a file from anywhere needs: nesting deeper than <see cref="MaxDepth"/> rejects the file, an alias whose
/// expansion would exceed <see cref="MaxAliasExpansion"/> nodes is ignored (so billion-laughs costs nothing), a
/// repeated key keeps the first value, further documents are not read, and a syntax error rejects the file.
/// </summary>
internal sealed class YamlTreeReader
{
    public const int MaxDepth = 256;
    public const long MaxAliasExpansion = 10_000;

    private readonly SourceText source;
    private readonly CancellationToken cancellationToken;
    private readonly List<ParseIssue> issues;
    private readonly Dictionary<string, YamlValue> anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> reportedAliases = new(StringComparer.Ordinal);
    private readonly Stack<Frame> stack = new();

    public YamlTreeReader(SourceText source, List<ParseIssue> issues, CancellationToken cancellationToken)
    {
        this.source = source;
        this.issues = issues;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The root of the first document, or null for an empty text or when nothing could be read.</summary>
    public YamlValue? Root { get; private set; }

    /// <summary>True when a syntax error (or the nesting limit) stopped the reading; <see cref="Root"/> is then null.</summary>
    public bool Stopped { get; private set; }

    public void Read()
    {
        var scanner = new Scanner(new StringReader(source.Text));
        var parser = new Parser(scanner);
        var documents = 0;
        var events = 0L;
        var eventLimit = 4L * source.Text.Length + 1000;
        var lastLine = 1;
        try
        {
            while (parser.MoveNext())
            {
                if (++events % 1024 == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                if (events > eventLimit)
                {
                    Stop(lastLine, 1, "the YAML parser produced more events than the text can hold; reading stopped");
                    return;
                }

                var current = parser.Current!;
                lastLine = Line(current.Start);
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        break;
                    case DocumentEnd or StreamStart or StreamEnd or Comment:
                        break;
                    default:
                        if (documents > 1)
                        {
                            if (current is Scalar { Value.Length: 0, Style: ScalarStyle.Plain } && stack.Count == 0)
                                break;
                            issues.Add(new ParseIssue(lastLine, Column(current.Start), "multi-document compose file: only the first document is read"));
                            return;
                        }

                        if (!Accept(current))
                            return;
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            var (line, column) = Locate(exception);
            Stop(line, column, $"invalid YAML: {exception.Message}");
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet 16 throws these instead of a YamlException for some malformed input: an unclosed flow
            // collection (InvalidOperationException), an empty or invalid tag (ArgumentException). The scanner's
            // position is where it gave up.
            var at = scanner.CurrentPosition;
            var reason = exception is InvalidOperationException ? "a '[' or '{' is not closed, or a similar syntax error" : exception.Message;
            Stop(Line(at), Column(at), $"invalid YAML: {reason}");
        }
    }

    /// <summary>Handles one event of the first document; false when reading must stop.</summary>
    private bool Accept(ParsingEvent current)
    {
        switch (current)
        {
            case Scalar scalar:
                var end = TrimmedEnd(scalar.Start, scalar.End);
                var start = scalar.Anchor.IsEmpty && scalar.Tag.IsEmpty ? Offset(scalar.Start) : SkipProperties(Offset(scalar.Start), end);
                Add(Anchor(new YamlScalarValue(start, end, source.LineOf(start), scalar.Value, scalar.Style == ScalarStyle.Plain), scalar.Anchor));
                return true;
            case AnchorAlias alias:
                Add(Alias(alias));
                return true;
            case MappingStart mapping:
                return Push(new YamlMappingValue(Offset(mapping.Start), Line(mapping.Start), mapping.Style == MappingStyle.Flow), mapping.Anchor, mapping.Start);
            case SequenceStart sequence:
                return Push(new YamlSequenceValue(Offset(sequence.Start), Line(sequence.Start), sequence.Style == SequenceStyle.Flow), sequence.Anchor, sequence.Start);
            case MappingEnd or SequenceEnd:
                Pop(Offset(current.Start) + 1);
                return true;
            default:
                return true;
        }
    }

    private bool Push(YamlValue collection, AnchorName anchor, Mark start)
    {
        if (stack.Count >= MaxDepth)
        {
            Stop(Line(start), Column(start), $"YAML nested deeper than {MaxDepth} levels (line {Line(start)}); the file is rejected");
            return false;
        }

        stack.Push(new Frame(collection, anchor.IsEmpty ? null : anchor.Value));
        return true;
    }

    /// <summary>Closes the innermost collection; <paramref name="flowEnd"/> is just past its ']' or '}' for flow style.</summary>
    private void Pop(int flowEnd)
    {
        if (stack.Count == 0)
            return;
        var frame = stack.Pop();
        var value = frame.Value;
        var children = value switch
        {
            YamlMappingValue mapping => mapping.Entries.SelectMany(e => new[] { e.Key, e.Value }),
            YamlSequenceValue sequence => sequence.Items,
            _ => [],
        };
        long size = 1;
        var last = value.Start;
        foreach (var child in children)
        {
            size = Math.Min(long.MaxValue / 4, size + child.ExpandedSize);
            last = Math.Max(last, child.End);
        }

        value.ExpandedSize = size;
        value.End = value is YamlMappingValue { Flow: true } or YamlSequenceValue { Flow: true }
            ? Math.Min(source.Text.Length, Math.Max(last, flowEnd))
            : last;
        if (frame.Anchor is not null)
            anchors[frame.Anchor] = value;
        Add(value);
    }

    private YamlValue Anchor(YamlValue value, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
            anchors[anchor.Value] = value;
        return value;
    }

    private YamlAliasValue Alias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        var line = Line(alias.Start);
        YamlValue? target = null;
        if (!anchors.TryGetValue(name, out var anchored))
        {
            if (reportedAliases.Add(name))
                issues.Add(new ParseIssue(line, Column(alias.Start), $"alias *{name} refers to no anchor defined before it; it is ignored"));
        }
        else if (anchored.ExpandedSize > MaxAliasExpansion)
        {
            if (reportedAliases.Add(name))
            {
                issues.Add(new ParseIssue(line, Column(alias.Start),
                    $"alias *{name} would expand to more than {MaxAliasExpansion} nodes (an alias bomb?); it is ignored"));
            }
        }
        else
        {
            target = anchored;
        }

        var value = new YamlAliasValue(Offset(alias.Start), TrimmedEnd(alias.Start, alias.End), line, name, target);
        value.ExpandedSize = target?.ExpandedSize ?? 1;
        return value;
    }

    private void Add(YamlValue value)
    {
        if (stack.Count == 0)
        {
            Root ??= value;
            return;
        }

        var frame = stack.Peek();
        switch (frame.Value)
        {
            case YamlSequenceValue sequence:
                sequence.Items.Add(value);
                break;
            case YamlMappingValue mapping when frame.PendingKey is null:
                frame.PendingKey = value;
                break;
            case YamlMappingValue mapping:
                var key = frame.PendingKey!;
                frame.PendingKey = null;
                if (key is YamlScalarValue scalarKey && frame.Keys.TryGetValue(scalarKey.Value, out var firstLine))
                {
                    issues.Add(new ParseIssue(key.Line, source.Span(key.Start, key.Start).StartColumn,
                        $"duplicate key '{scalarKey.Value}' on line {key.Line} (first on line {firstLine}); the first value is kept"));
                    break;
                }

                if (key is YamlScalarValue newKey)
                    frame.Keys[newKey.Value] = key.Line;
                mapping.Entries.Add((key, value));
                break;
        }
    }

    /// <summary>
    /// Ends reading with an issue and drops what was read: a half-read file would show keys as missing that come after
    /// the error (a memory limit, say), and rules would report them.
    /// </summary>
    private void Stop(int line, int column, string message)
    {
        Stopped = true;
        issues.Add(new ParseIssue(Math.Max(1, line), Math.Max(1, column), message));
        stack.Clear();
        Root = null;
    }

    /// <summary>The line and column of a YAML error; YamlDotNet puts tab errors at 1:1, so those are found in the text.</summary>
    private (int Line, int Column) Locate(YamlException exception)
    {
        if (exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var text = source.Text;
            for (var line = 1; line <= source.LineCount; line++)
            {
                var end = source.LineEnd(line);
                for (var i = source.LineStart(line); i < end && text[i] is ' ' or '\t'; i++)
                {
                    if (text[i] == '\t' && HasContentAfter(text, i, end))
                        return (line, i - source.LineStart(line) + 1);
                }
            }
        }

        return (Line(exception.Start), Column(exception.Start));
    }

    private static bool HasContentAfter(string text, int i, int end)
    {
        for (var j = i; j < end; j++)
        {
            if (!char.IsWhiteSpace(text[j]))
                return text[j] != '#';
        }

        return false;
    }

    /// <summary>The event of a scalar with an anchor or tag starts at them; the value starts after them.</summary>
    private int SkipProperties(int start, int end)
    {
        var text = source.Text;
        var i = start;
        while (i < end && text[i] is '&' or '!')
        {
            while (i < end && !char.IsWhiteSpace(text[i]))
                i++;
            while (i < end && char.IsWhiteSpace(text[i]))
                i++;
        }

        return i < end ? i : start;
    }

    private int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, source.Text.Length);

    private int TrimmedEnd(Mark start, Mark end)
    {
        var from = Offset(start);
        var to = Math.Max(from, Offset(end));
        while (to > from && char.IsWhiteSpace(source.Text[to - 1]))
            to--;
        return to;
    }

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private sealed class Frame(YamlValue value, string? anchor)
    {
        public YamlValue Value { get; } = value;

        public string? Anchor { get; } = anchor;

        public YamlValue? PendingKey { get; set; }

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }
}
