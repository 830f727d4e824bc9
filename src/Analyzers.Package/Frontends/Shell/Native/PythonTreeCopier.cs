using Consolidate.Analyzers.Frontends.Shell;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// One tree-sitter parser set to Python, for the analyzer package's Python frontend: parses a text under the budget
/// and copies the whole tree (symbols, fields, offsets, missing marks) into a <see cref="ShellTree"/>, whose storage
/// is grammar-neutral, in one cursor walk, freeing the native tree before returning (as <see cref="BashParser"/> does
/// for bash). Not thread-safe: its owner lends each instance to one thread at a time.
/// </summary>
internal sealed unsafe class PythonTreeCopier : IDisposable
{
    private readonly TreeSitterParser parser;
    private readonly BashGrammar tables;

    public PythonTreeCopier(nint language, BashGrammar tables)
    {
        this.tables = tables;
        parser = new TreeSitterParser(language, "python");
    }

    /// <summary>The grammar's names and fields (<see cref="BashGrammar"/> is only the table type here).</summary>
    public static BashGrammar Tables(nint language)
    {
        var read = GrammarTables.Read(language);
        return new BashGrammar(read.SymbolNames, read.SymbolNamed, read.FieldNames);
    }

    /// <summary>The tree of <paramref name="text"/>, or null when the budget ran out or tree-sitter gave up. Throws when cancelled.</summary>
    public ShellTree? Parse(string text, ParseBudget budget)
    {
        var offsets = Utf8OffsetMap.For(text);
        using var tree = parser.Parse(text, offsets, budget);
        if (tree is null)
            return null;

        var root = TreeSitterApi.ts_tree_root_node(tree);
        var result = new ShellTree(text, tables, (int)Math.Min(TreeSitterApi.ts_node_descendant_count(root), int.MaxValue));
        var cursor = TreeSitterApi.ts_tree_cursor_new(root);
        try
        {
            var parent = -1;
            while (true)
            {
                var node = TreeSitterApi.ts_tree_cursor_current_node(&cursor);
                var current = result.Add(
                    TreeSitterApi.ts_node_symbol(node),
                    TreeSitterApi.ts_tree_cursor_current_field_id(&cursor),
                    offsets.ToCharOffset(TreeSitterApi.ts_node_start_byte(node)),
                    offsets.ToCharOffset(TreeSitterApi.ts_node_end_byte(node)),
                    parent);
                if (budget.Tick())
                    return null;

                if (TreeSitterApi.ts_tree_cursor_goto_first_child(&cursor) != 0)
                {
                    parent = current;
                    continue;
                }

                if (TreeSitterApi.ts_node_is_missing(node) != 0)
                    result.MarkMissing(current);
                result.Close(current);
                while (TreeSitterApi.ts_tree_cursor_goto_next_sibling(&cursor) == 0)
                {
                    if (TreeSitterApi.ts_tree_cursor_goto_parent(&cursor) == 0)
                        return budget.IsSpent() ? null : result;
                    result.Close(parent);
                    parent = result.Parent(parent);
                }
            }
        }
        finally
        {
            TreeSitterApi.ts_tree_cursor_delete(&cursor);
        }
    }

    public void Dispose() => parser.Dispose();
}
