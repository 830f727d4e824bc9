using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Reads the clone candidates of one file from its normalized tree: the file itself, every function, method, class
/// and stage (with its qualified name, "Agent.run"), and every maximal sequence of sibling statements, blocks or
/// instructions, for statement-run detection.
/// </summary>
internal static class SyntaxUnitReader
{
    public static void Read(FileFingerprint file, List<CloneUnit> units, List<StatementElement> elements)
    {
        var fileUnit = new CloneUnit(file, UnitKind.File, null, 1, Math.Max(1, file.File.Lines), 0, file.Count);
        units.Add(fileUnit);
        var root = file.File.Parsed?.Root;
        if (root is null || file.Count == 0)
            return;

        var segment = 0;
        var stack = new Stack<(SyntaxNode Node, string? Symbol, bool InClass, CloneUnit Parent)>();
        stack.Push((root, null, false, fileUnit));
        while (stack.Count > 0)
        {
            var (node, symbol, inClass, parent) = stack.Pop();
            var kind = node.Kind switch
            {
                NodeKind.Function => inClass ? UnitKind.Method : UnitKind.Function,
                NodeKind.Class => UnitKind.Class,
                NodeKind.Stage => UnitKind.Stage,
                _ => (UnitKind?)null,
            };
            if (kind is { } unitKind)
            {
                var name = node.Name ?? "?";
                symbol = symbol is null ? name : symbol + "." + name;
                inClass = unitKind == UnitKind.Class;
                var (start, end) = file.TokenRange(node.Span);
                if (end > start)
                {
                    parent = new CloneUnit(file, unitKind, symbol, node.Span.StartLine, EndLine(node.Span), start, end, parent);
                    units.Add(parent);
                }
            }
            else if (node.Kind is NodeKind.Statement or NodeKind.Block or NodeKind.Instruction)
            {
                inClass = false;
            }

            var wrapper = node.Kind is NodeKind.Statement or NodeKind.Block or NodeKind.Instruction;
            var (wrapperStart, wrapperEnd) = wrapper ? file.TokenRange(node.Span) : (0, 0);
            var open = false;
            foreach (var child in node.Children)
            {
                if (child.Kind is not (NodeKind.Statement or NodeKind.Block or NodeKind.Instruction))
                {
                    open = false;
                    continue;
                }

                var (start, end) = file.TokenRange(child.Span);
                if (end <= start)
                    continue;

                // A statement or block wrapping exactly one child with the same tokens (a body block holding one
                // statement) is already an element of its parent's sequence; listing the child again would pair the
                // code with itself.
                if (wrapper && start == wrapperStart && end == wrapperEnd)
                    continue;
                if (!open)
                    segment++;
                open = true;
                var (lines, first, last) = file.CodeLines(start, end);
                elements.Add(new StatementElement(
                    start,
                    end,
                    file.ExactHash(start, end),
                    file.RenamedHash(start, end),
                    file.NonBoilerplate(start, end),
                    lines,
                    first,
                    last,
                    child.Span.StartLine,
                    EndLine(child.Span),
                    segment,
                    symbol));
            }

            for (var i = node.Children.Length - 1; i >= 0; i--)
                stack.Push((node.Children[i], symbol, inClass, parent));
        }
    }

    /// <summary>A span that ends just after a line break ends on the line before.</summary>
    public static int EndLine(SourceSpan span) => span.EndColumn == 1 && span.EndLine > span.StartLine ? span.EndLine - 1 : span.EndLine;
}
