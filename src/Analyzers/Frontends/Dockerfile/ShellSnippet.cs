namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// Builds the text handed to <see cref="Shell.IShellParser"/> for a region of the Dockerfile: the same length as the
/// region, with Dockerfile-only syntax masked so the shell reads what Docker runs. A comment or blank line inside a
/// continuation is replaced, line break included, by spaces (Docker drops it, so the command goes on); a continuation
/// (the escape character, trailing blanks, line break) becomes blanks followed by backslash-newline, which also turns
/// the backtick of <c># escape=`</c> into the shell's continuation; a "\r" before "\n" becomes a space.
/// </summary>
internal static class ShellSnippet
{
    public static string Mask(string text, int start, int end, IReadOnlyList<Continuation> continuations, IReadOnlyList<PhysicalLine> droppedLines)
    {
        var buffer = text.ToCharArray(start, end - start);
        for (var i = 0; i < buffer.Length; i++)
        {
            if (buffer[i] != '\r')
                continue;
            if (i + 1 < buffer.Length && buffer[i + 1] == '\n')
                buffer[i] = ' ';
            else if (start + i + 1 < text.Length && text[start + i + 1] == '\n')
                buffer[i] = ' ';
            else
                buffer[i] = '\n';
        }

        foreach (var continuation in continuations)
        {
            if (continuation.EscapeAt < start || continuation.EscapeAt >= end)
                continue;
            var lineBreak = continuation.Line.BreakAt(text);
            if (lineBreak < 0 || lineBreak >= end)
            {
                Fill(buffer, continuation.EscapeAt - start, Math.Min(continuation.Line.ContentEnd, end) - start, ' ');
                continue;
            }

            Fill(buffer, continuation.EscapeAt - start, lineBreak - start, ' ');
            buffer[lineBreak - 1 - start] = '\\';
            buffer[lineBreak - start] = '\n';
        }

        foreach (var line in droppedLines)
        {
            var from = Math.Max(line.Start, start);
            var to = Math.Min(line.End, end);
            if (to > from)
                Fill(buffer, from - start, to - start, ' ');
        }

        return new string(buffer);
    }

    private static void Fill(char[] buffer, int from, int to, char c)
    {
        for (var i = Math.Max(0, from); i < Math.Min(to, buffer.Length); i++)
            buffer[i] = c;
    }
}
