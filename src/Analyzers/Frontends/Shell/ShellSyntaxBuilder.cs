using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Builds the normalized tree: the file, shell functions, blocks (if/elif/else, loops, case and its items, subshells,
/// brace groups) and statements (commands, pipelines, lists, declarations, assignments, tests), plus ERROR regions.
/// A statement's inner statements are not kept (a pipeline is one statement), but blocks and functions inside a
/// statement are, with their own statements. A function's body group is flattened into the function. Both passes
/// are loops over the pre-order arrays, so a deeply nested script cannot exhaust the stack; and nodes nested deeper
/// than <see cref="MaxDepth"/> are folded into their ancestor, so neither can a consumer that recurses on the result.
/// </summary>
internal static class ShellSyntaxBuilder
{
    public const int MaxDepth = 200;

    private const sbyte NotKept = -1;

    public static SyntaxNode? Build(ShellTree tree, HostCoordinates coordinates, int snippetLength, ParseBudget budget)
    {
        var count = tree.Count;
        var kinds = new sbyte[count];
        var owners = new int[count];
        var inStatement = new bool[count];
        var depths = new byte[count];
        kinds[0] = (sbyte)(tree.Kind(0) == BashNodeKind.Error ? NodeKind.Error : NodeKind.File);
        owners[0] = -1;

        for (var node = 1; node < count; node++)
        {
            if (budget.Tick())
                return null;
            var parent = tree.Parent(node);
            var parentKept = kinds[parent] != NotKept;
            owners[node] = parentKept ? parent : owners[parent];
            inStatement[node] = parentKept
                ? kinds[parent] == (sbyte)NodeKind.Statement
                : inStatement[parent] || tree.Kind(parent) is BashNodeKind.CommandSubstitution or BashNodeKind.ProcessSubstitution;
            kinds[node] = Classify(tree, node, inStatement[node]);
            if (kinds[node] != NotKept)
            {
                var depth = depths[owners[node]] + 1;
                if (depth > MaxDepth)
                    kinds[node] = NotKept;
                else
                    depths[node] = (byte)depth;
            }
        }

        var children = new Dictionary<int, List<SyntaxNode>>();
        SyntaxNode? root = null;
        for (var node = count - 1; node >= 0; node--)
        {
            if (kinds[node] == NotKept)
                continue;
            if (budget.Tick())
                return null;

            var kind = (NodeKind)kinds[node];
            var nested = ImmutableArray<SyntaxNode>.Empty;
            if (children.Remove(node, out var list))
            {
                list.Reverse();
                nested = list.ToImmutableArray();
            }

            var span = node == 0 && kind == NodeKind.File ? coordinates.Span(0, snippetLength) : coordinates.Span(tree.Start(node), tree.End(node));
            var name = kind == NodeKind.Function ? FunctionName(tree, node) : null;
            var syntax = new SyntaxNode(kind, tree.TypeName(node), span, name, nested);
            if (node == 0)
            {
                root = syntax;
                break;
            }

            var owner = owners[node];
            if (!children.TryGetValue(owner, out var siblings))
                children[owner] = siblings = new List<SyntaxNode>();
            siblings.Add(syntax);
        }

        if (root is null || root.Kind == NodeKind.File)
            return root;

        // The whole text is one ERROR node: keep the file level above it.
        return new SyntaxNode(NodeKind.File, "program", coordinates.Span(0, snippetLength), null, ImmutableArray.Create(root));
    }

    public static string? FunctionName(ShellTree tree, int function)
    {
        var name = tree.ChildWithField(function, tree.Grammar.NameField);
        return name < 0 ? null : tree.SourceText(name);
    }

    private static sbyte Classify(ShellTree tree, int node, bool inStatement)
    {
        switch (tree.Kind(node))
        {
            case BashNodeKind.Error:
                return (sbyte)NodeKind.Error;
            case BashNodeKind.FunctionDefinition:
                return (sbyte)NodeKind.Function;
            case BashNodeKind.CompoundStatement when tree.FirstChild(node) is var first && first >= 0 && tree.IsToken(first, "(("):
                return inStatement ? NotKept : (sbyte)NodeKind.Statement;
            case BashNodeKind.CompoundStatement or BashNodeKind.Subshell
                when tree.Field(node) == tree.Grammar.BodyField && tree.Kind(tree.Parent(node)) == BashNodeKind.FunctionDefinition:
                return NotKept;
            case BashNodeKind.IfStatement or BashNodeKind.ElifClause or BashNodeKind.ElseClause or BashNodeKind.WhileStatement
                or BashNodeKind.ForStatement or BashNodeKind.CStyleForStatement or BashNodeKind.CaseStatement or BashNodeKind.CaseItem
                or BashNodeKind.Subshell or BashNodeKind.CompoundStatement:
                return (sbyte)NodeKind.Block;
            case BashNodeKind.Command or BashNodeKind.Pipeline or BashNodeKind.List or BashNodeKind.DeclarationCommand
                or BashNodeKind.UnsetCommand or BashNodeKind.VariableAssignment or BashNodeKind.VariableAssignments
                or BashNodeKind.RedirectedStatement or BashNodeKind.NegatedCommand or BashNodeKind.TestCommand:
                return inStatement ? NotKept : (sbyte)NodeKind.Statement;
            default:
                return NotKept;
        }
    }
}
