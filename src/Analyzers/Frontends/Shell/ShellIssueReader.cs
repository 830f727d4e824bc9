using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// One <see cref="ParseIssue"/> per ERROR region (nothing more from inside it) and per MISSING token tree-sitter
/// inserted to recover, at most <see cref="MaxIssues"/> and then one line counting the rest.
/// </summary>
internal static class ShellIssueReader
{
    public const int MaxIssues = 20;
    private const int MaxQuotedLength = 24;

    public static ImmutableArray<ParseIssue> Read(ShellTree tree, HostCoordinates coordinates)
    {
        var issues = ImmutableArray.CreateBuilder<ParseIssue>();
        var total = 0;
        var firstUnlisted = 0;
        var node = 0;
        while (node < tree.Count)
        {
            string? message = null;
            var next = node + 1;
            if (tree.Kind(node) == BashNodeKind.Error)
            {
                message = SyntaxErrorMessage(tree, node);
                next = tree.SubtreeEnd(node);
            }
            else if (tree.IsMissing(node))
            {
                message = tree.IsNamed(node) ? $"missing {tree.TypeName(node).Replace('_', ' ')}" : $"missing '{tree.TypeName(node)}'";
            }

            if (message is not null)
            {
                total++;
                if (total <= MaxIssues)
                    issues.Add(At(coordinates, tree.Start(node), message));
                else if (total == MaxIssues + 1)
                    firstUnlisted = tree.Start(node);
            }

            node = next;
        }

        if (total > MaxIssues)
            issues.Add(At(coordinates, firstUnlisted, $"{total - MaxIssues} more syntax errors not listed"));

        return issues.ToImmutable();
    }

    private static ParseIssue At(HostCoordinates coordinates, int offset, string message)
    {
        var span = coordinates.Span(offset, offset);
        return new ParseIssue(span.StartLine, span.StartColumn, message);
    }

    private static string SyntaxErrorMessage(ShellTree tree, int error)
    {
        var quoted = FirstText(tree, error);
        return quoted.Length == 0 ? "syntax error" : $"syntax error near '{quoted}'";
    }

    /// <summary>The start of the region's text: its first line, shortened.</summary>
    private static string FirstText(ShellTree tree, int error)
    {
        var text = tree.Source(error).Trim();
        var lineBreak = text.IndexOfAny('\r', '\n');
        if (lineBreak >= 0)
            text = text[..lineBreak].TrimEnd();
        return text.Length > MaxQuotedLength ? string.Concat(text[..MaxQuotedLength], "…") : text.ToString();
    }
}
