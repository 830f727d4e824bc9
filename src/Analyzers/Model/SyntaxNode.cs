using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// A node of the normalized tree. Frontends keep only the levels clone detection and rules need (file, definitions,
/// statements, blocks), not every expression. <see cref="Name"/> is the defined name for functions, classes,
/// stages and services.
/// </summary>
public sealed record SyntaxNode(NodeKind Kind, string RawKind, SourceSpan Span, string? Name, ImmutableArray<SyntaxNode> Children)
{
    public static SyntaxNode Leaf(NodeKind kind, string rawKind, SourceSpan span, string? name = null) =>
        new(kind, rawKind, span, name, ImmutableArray<SyntaxNode>.Empty);

    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Children.Length - 1; i >= 0; i--)
                stack.Push(node.Children[i]);
        }
    }
}
