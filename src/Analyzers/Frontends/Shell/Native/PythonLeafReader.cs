using Consolidate.Analyzers.Frontends.Python;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// One tree-sitter parser set to Python. Not thread-safe: its owner lends each instance to one thread at a time.
/// <see cref="Read"/> parses a text under the budget, copies its token-bearing nodes into <see cref="PythonLeaves"/>
/// in one cursor walk and frees the native tree before returning.
/// </summary>
internal sealed unsafe class PythonLeafReader : IDisposable
{
    private readonly TreeSitterParser parser;
    private readonly PythonGrammar grammar;

    public PythonLeafReader(PythonLanguage language)
    {
        grammar = language.Grammar;
        parser = new TreeSitterParser(language.Pointer, "python");
    }

    /// <summary>
    /// The leaves of <paramref name="text"/>, or null when the budget ran out or tree-sitter gave up (its external
    /// scanner failed). Throws when cancelled.
    /// </summary>
    public PythonLeaves? Read(string text, ParseBudget budget)
    {
        var offsets = Utf8OffsetMap.For(text);
        using var tree = parser.Parse(text, offsets, budget);
        if (tree is null)
            return null;
        return Copy(tree, offsets, budget);
    }

    public void Dispose() => parser.Dispose();

    private PythonLeaves? Copy(TreeHandle tree, Utf8OffsetMap offsets, ParseBudget budget)
    {
        var root = TreeSitterApi.ts_tree_root_node(tree);
        // About two thirds of a Python tree's nodes are leaves; a guess, the list grows if needed.
        var leaves = new PythonLeaves((int)Math.Min(TreeSitterApi.ts_node_descendant_count(root) / 3 * 2, int.MaxValue));
        var cursor = TreeSitterApi.ts_tree_cursor_new(root);
        try
        {
            while (true)
            {
                var node = TreeSitterApi.ts_tree_cursor_current_node(&cursor);
                var symbol = TreeSitterApi.ts_node_symbol(node);
                if (budget.Tick())
                    return null;
                if (!grammar.IsAtomic(symbol) && TreeSitterApi.ts_tree_cursor_goto_first_child(&cursor) != 0)
                    continue;

                // Missing nodes (inserted by error recovery) are empty: nothing to copy.
                var start = TreeSitterApi.ts_node_start_byte(node);
                var end = TreeSitterApi.ts_node_end_byte(node);
                if (end > start)
                    leaves.Add(symbol, offsets.ToCharOffset(start), offsets.ToCharOffset(end));
                while (TreeSitterApi.ts_tree_cursor_goto_next_sibling(&cursor) == 0)
                {
                    if (TreeSitterApi.ts_tree_cursor_goto_parent(&cursor) == 0)
                        return budget.IsSpent() ? null : leaves;
                }
            }
        }
        finally
        {
            TreeSitterApi.ts_tree_cursor_delete(&cursor);
        }
    }
}
