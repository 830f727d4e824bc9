using System.Runtime.InteropServices;
using System.Text;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// One tree-sitter parser set to bash. Not thread-safe: the frontend lends each instance to one thread at a time.
/// <see cref="Parse"/> encodes the snippet as UTF-8, parses it under the budget, copies the tree into a
/// <see cref="ShellTree"/> in one cursor walk and frees the native tree before returning.
/// </summary>
internal sealed unsafe class BashParser : IDisposable
{
    private readonly ParserHandle parser;
    private readonly BashLanguage language;

    public BashParser(BashLanguage language)
    {
        this.language = language;
        parser = TreeSitterApi.ts_parser_new();
        if (parser.IsInvalid)
            throw new InvalidOperationException("ts_parser_new returned null");
        if (TreeSitterApi.ts_parser_set_language(parser, language.Pointer) == 0)
        {
            parser.Dispose();
            throw new InvalidOperationException("ts_parser_set_language rejected the bash grammar (ABI version mismatch)");
        }
    }

    /// <summary>
    /// The tree of <paramref name="snippet"/>, or null when the budget ran out (<see cref="ParseBudget.IsSpent"/>)
    /// or tree-sitter gave up (its external scanner failed). Throws when cancelled.
    /// </summary>
    public ShellTree? Parse(string snippet, ParseBudget budget)
    {
        var offsets = Utf8OffsetMap.For(snippet);
        using var tree = ParseNative(snippet, offsets, budget);
        if (tree is null)
            return null;
        return Copy(tree, snippet, offsets, budget);
    }

    public void Dispose() => parser.Dispose();

    private TreeHandle? ParseNative(string snippet, Utf8OffsetMap offsets, ParseBudget budget)
    {
        var length = offsets.ByteCount;
        // One extra NUL byte, so the end-of-input pointer handed to tree-sitter points at memory we own.
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        buffer[length] = 0;
        var budgetHandle = GCHandle.Alloc(budget);
        try
        {
            Encoding.UTF8.GetBytes(snippet, new Span<byte>(buffer, length));
            var source = new Utf8Source { Data = buffer, Length = (uint)length };
            var input = new TSInput { Payload = &source, Read = &ReadUtf8, Encoding = TSInput.EncodingUtf8 };
            var options = new TSParseOptions { Payload = (void*)GCHandle.ToIntPtr(budgetHandle), ProgressCallback = &ReportProgress };
            var tree = TreeSitterApi.ts_parser_parse_with_options(parser, 0, input, options);
            if (!tree.IsInvalid)
                return tree;

            // No tree: cancelled by the progress callback, or the external scanner failed. A cancelled parse stays
            // resumable and still points at the input: forget it before the buffer goes.
            tree.Dispose();
            TreeSitterApi.ts_parser_reset(parser);
            budget.CancellationToken.ThrowIfCancellationRequested();
            return null;
        }
        finally
        {
            budgetHandle.Free();
            NativeMemory.Free(buffer);
        }
    }

    private ShellTree? Copy(TreeHandle tree, string snippet, Utf8OffsetMap offsets, ParseBudget budget)
    {
        var root = TreeSitterApi.ts_tree_root_node(tree);
        var result = new ShellTree(snippet, language.Grammar, (int)Math.Min(TreeSitterApi.ts_node_descendant_count(root), int.MaxValue));
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

    [UnmanagedCallersOnly]
    private static byte* ReadUtf8(void* payload, uint byteIndex, TSPoint position, uint* bytesRead)
    {
        var source = (Utf8Source*)payload;
        if (byteIndex >= source->Length)
        {
            *bytesRead = 0;
            return source->Data + source->Length;
        }

        *bytesRead = source->Length - byteIndex;
        return source->Data + byteIndex;
    }

    [UnmanagedCallersOnly]
    private static byte ReportProgress(TSParseState* state)
    {
        var budget = GCHandle.FromIntPtr((nint)state->Payload).Target as ParseBudget;
        return budget is null || budget.ShouldStop ? (byte)1 : (byte)0;
    }

    private struct Utf8Source
    {
        public byte* Data;
        public uint Length;
    }
}
