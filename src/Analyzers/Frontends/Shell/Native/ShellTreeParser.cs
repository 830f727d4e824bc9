namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// One tree-sitter parser set to one grammar whose whole tree is wanted: bash for the shell frontend, and python for
/// the analyzer package's Python frontend. Not thread-safe: its owner lends each instance to one thread at a time.
/// <see cref="Parse"/> encodes the snippet as UTF-8, parses it under the budget, copies the tree (symbols, fields,
/// offsets, missing marks) into a <see cref="ShellTree"/>, whose storage is grammar-neutral, in one cursor walk and
/// frees the native tree before returning.
/// </summary>
internal sealed unsafe class ShellTreeParser : IDisposable
{
    private readonly TreeSitterParser parser;
    private readonly BashGrammar grammar;

    /// <param name="language">A <c>TSLanguage*</c> of the library.</param>
    /// <param name="grammar">Its symbol and field tables (<see cref="BashGrammar"/> is only the table type for other grammars).</param>
    /// <param name="grammarName">For the message when the library's runtime rejects the grammar.</param>
    public ShellTreeParser(nint language, BashGrammar grammar, string grammarName)
    {
        this.grammar = grammar;
        parser = new TreeSitterParser(language, grammarName);
    }

    /// <summary>
    /// The tree of <paramref name="snippet"/>, or null when the budget ran out (<see cref="ParseBudget.IsSpent"/>)
    /// or tree-sitter gave up (its external scanner failed). Throws when cancelled.
    /// </summary>
    public ShellTree? Parse(string snippet, ParseBudget budget)
    {
        var offsets = Utf8OffsetMap.For(snippet);
        using var tree = parser.Parse(snippet, offsets, budget);
        if (tree is null)
            return null;
        return Copy(tree, snippet, offsets, budget);
    }

    public void Dispose() => parser.Dispose();

    private ShellTree? Copy(TreeHandle tree, string snippet, Utf8OffsetMap offsets, ParseBudget budget)
    {
        var root = TreeSitterApi.ts_tree_root_node(tree);
        var result = new ShellTree(snippet, grammar, (int)Math.Min(TreeSitterApi.ts_node_descendant_count(root), int.MaxValue));
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
}
