using System.Text;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// The parts of one instruction as ranges of its <see cref="LogicalLine"/>: the keyword, the <c>--flags</c> before the
/// arguments (read as BuildKit's <c>extractBuilderFlags</c> does: quotes grouped and removed, a bare <c>--</c> ends
/// them) and the arguments, trimmed. ONBUILD keeps the instruction it wraps in <see cref="Inner"/>.
/// </summary>
internal sealed class InstructionSyntax
{
    private InstructionSyntax(string keywordText, int keywordStart, int keywordEnd, List<FlagSyntax> flags, int argumentsStart, int argumentsEnd)
    {
        KeywordText = keywordText;
        Keyword = keywordText.ToUpperInvariant();
        KeywordStart = keywordStart;
        KeywordEnd = keywordEnd;
        Flags = flags;
        ArgumentsStart = argumentsStart;
        ArgumentsEnd = argumentsEnd;
    }

    public string KeywordText { get; }

    /// <summary>The keyword in upper case.</summary>
    public string Keyword { get; }

    public int KeywordStart { get; }

    public int KeywordEnd { get; }

    public List<FlagSyntax> Flags { get; }

    public int ArgumentsStart { get; }

    public int ArgumentsEnd { get; }

    public InstructionSyntax? Inner { get; private init; }

    /// <summary>Reads <c>text[start..end]</c>; null when it holds no keyword.</summary>
    public static InstructionSyntax? Parse(string text, int start, int end, bool allowInner = true)
    {
        var i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
            i++;
        var keywordStart = i;
        while (i < end && !IsKeywordSeparator(text[i]))
            i++;
        var keywordEnd = i;
        if (keywordEnd == keywordStart)
            return null;

        var flags = new List<FlagSyntax>();
        var argumentsStart = end;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= end)
                break;
            if (!(text[i] == '-' && i + 1 < end && text[i + 1] == '-'))
            {
                argumentsStart = i;
                break;
            }

            var flagStart = i;
            var value = new StringBuilder();
            var quote = '\0';
            while (i < end)
            {
                var c = text[i];
                if (quote == '\0' && char.IsWhiteSpace(c))
                    break;
                if (quote == '\0' && c is '\'' or '"')
                {
                    quote = c;
                    i++;
                    continue;
                }

                if (quote != '\0' && c == quote)
                {
                    quote = '\0';
                    i++;
                    continue;
                }

                if (c == '\\')
                {
                    i++;
                    if (i >= end)
                        break;
                    c = text[i];
                }

                value.Append(c);
                i++;
            }

            var word = value.ToString();
            if (word == "--")
            {
                argumentsStart = i;
                break;
            }

            flags.Add(FlagSyntax.From(text, word, flagStart, i));
        }

        var argumentsEnd = end;
        while (argumentsEnd > argumentsStart && char.IsWhiteSpace(text[argumentsEnd - 1]))
            argumentsEnd--;
        while (argumentsStart < argumentsEnd && char.IsWhiteSpace(text[argumentsStart]))
            argumentsStart++;
        if (argumentsStart > argumentsEnd)
            argumentsStart = argumentsEnd;

        var keyword = text[keywordStart..keywordEnd];
        var wraps = allowInner && argumentsEnd > argumentsStart && keyword.Equals("ONBUILD", StringComparison.OrdinalIgnoreCase);
        return new InstructionSyntax(keyword, keywordStart, keywordEnd, flags, argumentsStart, argumentsEnd)
        {
            Inner = wraps ? Parse(text, argumentsStart, argumentsEnd, allowInner: false) : null,
        };
    }

    /// <summary>BuildKit splits the keyword off at <c>[\t\v\f\r ]</c>.</summary>
    private static bool IsKeywordSeparator(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r' or '\n';
}
