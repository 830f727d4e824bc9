using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>
/// Test-only shell splitter for <see cref="TestTokenBuilder"/>: classes shell text into tokens the way the real
/// frontend does (keywords and operators Keyword; command, function and variable names Identifier; arguments and
/// quoted text Literal; comments Comment) and records each simple command for <see cref="ShellFacts"/>. It knows
/// enough shell for the engine's tests, not the whole language.
/// </summary>
internal sealed class TestShellLexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in", "function", "select",
        "local", "export", "declare", "readonly", "typeset", "unset",
    };

    private static readonly HashSet<string> StartsCommand = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "while", "until", "do", "!", "&&", "||", ";", ";;", "|", "|&", "&", "(", "{", "$(",
    };

    private static readonly string[] Operators = ["&&", "||", ";;", "|&", "$(", "[[", "]]", ">>", ">&", ";", "|", "&", "(", ")", "{", "}", ">", "<", "["];

    private readonly SourceText source;
    private readonly List<Token> tokens;
    private readonly List<ShellCommand> commands;
    private readonly char continuation;
    private bool commandPosition = true;
    private string? expectVariable;
    private int commandStart = -1;
    private ShellWord? commandName;
    private readonly List<ShellWord> arguments = [];
    private int wordStart = -1;
    private int wordEnd = -1;
    private bool wordDynamic;

    public TestShellLexer(SourceText source, List<Token> tokens, List<ShellCommand> commands, char continuation = '\\')
    {
        this.source = source;
        this.tokens = tokens;
        this.commands = commands;
        this.continuation = continuation;
    }

    private string Text => source.Text;

    public void Lex(int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var c = Text[i];
            if (c == continuation && i + 1 < end && Text[i + 1] is '\n' or '\r')
            {
                EndWord();
                i += Text[i + 1] == '\r' && i + 2 < end && Text[i + 2] == '\n' ? 3 : 2;
                continue;
            }

            if (c is '\n' or '\r')
            {
                EndWord();
                EndCommand();
                commandPosition = true;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                EndWord();
                i++;
                continue;
            }

            if (c == '#' && wordStart < 0)
            {
                var stop = i;
                while (stop < end && Text[stop] is not ('\n' or '\r'))
                    stop++;
                Emit(TokenKind.Comment, i, stop);
                i = stop;
                continue;
            }

            if (c == '\'')
            {
                var stop = Text.IndexOf('\'', i + 1);
                stop = stop < 0 || stop >= end ? end : stop + 1;
                WordPiece(i, stop, dynamic: false);
                Emit(TokenKind.Literal, i, stop);
                i = stop;
                continue;
            }

            if (c == '"')
            {
                i = DoubleQuoted(i, end);
                continue;
            }

            if (c == '$')
            {
                i = Expansion(i, end);
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(Text, i, o, 0, o.Length) == 0 && (o is not ("{" or "}" or "[") || Standalone(i, o.Length, end)));
            if (op is not null && !(op is "[" && wordStart >= 0))
            {
                EndWord();
                Emit(TokenKind.Keyword, i, i + op.Length);
                if (op is ";" or "&&" or "||" or "|" or "|&" or "&" or ";;" or ")" or "(" or "{" or "}")
                    EndCommand();
                if (StartsCommand.Contains(op))
                    commandPosition = true;
                else if (op is "[" or "[[")
                    commandPosition = false;
                i += op.Length;
                continue;
            }

            i = Word(i, end);
        }

        EndWord();
        EndCommand();
    }

    private bool Standalone(int i, int length, int end) =>
        (i == 0 || char.IsWhiteSpace(Text[i - 1]) || Text[i - 1] is ';' or '(') && (i + length >= end || char.IsWhiteSpace(Text[i + length]) || Text[i + length] is ';');

    private int Word(int i, int end)
    {
        var stop = i;
        while (stop < end && !char.IsWhiteSpace(Text[stop]) && Text[stop] is not (';' or '|' or '&' or '(' or ')' or '"' or '\'' or '$' or '<' or '>')
            && !(Text[stop] == '}' && stop > i))
            stop++;
        if (stop == i)
            stop++;
        var word = Text[i..stop];

        if (expectVariable is not null)
        {
            Emit(TokenKind.Identifier, i, stop);
            expectVariable = null;
            return stop;
        }

        if (commandPosition && wordStart < 0)
        {
            var equals = word.IndexOf('=');
            if (equals > 0 && IsName(word[..equals]))
            {
                Emit(TokenKind.Identifier, i, i + equals);
                Emit(TokenKind.Keyword, i + equals, i + equals + 1);
                if (stop > i + equals + 1)
                    Emit(TokenKind.Literal, i + equals + 1, stop);
                return stop;
            }

            if (Keywords.Contains(word))
            {
                Emit(TokenKind.Keyword, i, stop);
                if (word is "for" or "select" or "function")
                    expectVariable = word;
                commandPosition = word is not ("fi" or "done" or "esac" or "in" or "local" or "export" or "declare" or "readonly" or "typeset" or "unset");
                if (word is "local" or "export" or "declare" or "readonly" or "typeset" or "unset")
                    commandPosition = true;
                return stop;
            }

            if (stop < end && Text[stop] == '(' && IsName(word))
            {
                Emit(TokenKind.Identifier, i, stop);
                commandPosition = false;
                return stop;
            }

            Emit(TokenKind.Identifier, i, stop);
            commandStart = i;
            commandName = new ShellWord(word, ImmutableArray.Create(new ShellWordPart(ShellWordPartKind.Literal, word)), source.Span(i, stop));
            commandPosition = false;
            return stop;
        }

        WordPiece(i, stop, dynamic: false);
        Emit(TokenKind.Literal, i, stop);
        return stop;
    }

    private int DoubleQuoted(int open, int end)
    {
        var literalStart = open;
        var i = open + 1;
        while (i < end && Text[i] != '"')
        {
            if (Text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (Text[i] == '$' && i + 1 < end && (char.IsLetter(Text[i + 1]) || Text[i + 1] is '_' or '{'))
            {
                if (i > literalStart)
                    Literal(literalStart, i);
                i = Expansion(i, end);
                literalStart = i;
                continue;
            }

            i++;
        }

        i = Math.Min(end, i + 1);
        if (i > literalStart)
            Literal(literalStart, i);
        return i;

        void Literal(int from, int to)
        {
            WordPiece(from, to, dynamic: false);
            Emit(TokenKind.Literal, from, to);
        }
    }

    private int Expansion(int dollar, int end)
    {
        var inCommand = commandPosition && wordStart < 0;
        if (dollar + 1 < end && Text[dollar + 1] == '(')
        {
            EndWord();
            Emit(TokenKind.Keyword, dollar, dollar + 2);
            commandPosition = true;
            return dollar + 2;
        }

        WordPiece(dollar, dollar + 1, dynamic: true);
        if (dollar + 1 < end && Text[dollar + 1] == '{')
        {
            Emit(TokenKind.Keyword, dollar, dollar + 2);
            var name = dollar + 2;
            var stop = name;
            while (stop < end && (char.IsLetterOrDigit(Text[stop]) || Text[stop] is '_' or '@' or '#' or '?'))
                stop++;
            if (stop > name)
                Emit(TokenKind.Identifier, name, stop);
            var close = Text.IndexOf('}', stop);
            close = close < 0 || close >= end ? end : close;
            if (close > stop)
                Emit(TokenKind.Literal, stop, close);
            if (close < end)
                Emit(TokenKind.Keyword, close, close + 1);
            WordPiece(dollar, Math.Min(end, close + 1), dynamic: true);
            if (inCommand)
                commandPosition = false;
            return Math.Min(end, close + 1);
        }

        Emit(TokenKind.Keyword, dollar, dollar + 1);
        var start = dollar + 1;
        var stopName = start;
        if (stopName < end && (char.IsDigit(Text[stopName]) || Text[stopName] is '@' or '?' or '#' or '*' or '$' or '!'))
            stopName++;
        else
            while (stopName < end && (char.IsLetterOrDigit(Text[stopName]) || Text[stopName] == '_'))
                stopName++;
        if (stopName > start)
            Emit(TokenKind.Identifier, start, stopName);
        WordPiece(dollar, stopName, dynamic: true);
        if (inCommand)
            commandPosition = false;
        return stopName;
    }

    private void WordPiece(int start, int end, bool dynamic)
    {
        if (wordStart < 0)
            wordStart = start;
        wordEnd = Math.Max(wordEnd, end);
        wordDynamic |= dynamic;
    }

    private void EndWord()
    {
        if (wordStart < 0)
            return;
        if (commandName is not null)
        {
            var text = Text[wordStart..wordEnd];
            var part = wordDynamic
                ? new ShellWordPart(ShellWordPartKind.Unknown, text)
                : new ShellWordPart(ShellWordPartKind.Literal, text.Trim('"', '\''));
            arguments.Add(new ShellWord(text, ImmutableArray.Create(part), source.Span(wordStart, wordEnd)));
        }

        wordStart = -1;
        wordEnd = -1;
        wordDynamic = false;
    }

    private void EndCommand()
    {
        EndWord();
        if (commandName is not null)
        {
            var end = arguments.Count > 0 ? arguments[^1].Span.End : commandName.Span.End;
            commands.Add(new ShellCommand(commandName, arguments.ToImmutableArray(), source.Span(commandStart, end), null, commands.Count));
        }

        commandName = null;
        arguments.Clear();
        commandStart = -1;
    }

    private void Emit(TokenKind kind, int start, int end)
    {
        if (end > start)
            tokens.Add(new Token(kind, Text[start..end], source.Span(start, end)));
    }

    private static bool IsName(string text) => text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');
}
