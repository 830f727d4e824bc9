using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// The tree-sitter C API (0.25, <c>lib/include/tree_sitter/api.h</c>), <c>tree_sitter_bash()</c> and
/// <c>tree_sitter_python()</c>, from libconsolidate_treesitter.so, which TreeSitter.targets builds next to the assembly. C <c>bool</c> is a byte here
/// (non-zero is true). Accessors that only read a node skip the GC transition: they are short, never allocate,
/// block or call back.
/// </summary>
internal static unsafe partial class TreeSitterApi
{
    public const string LibraryName = "consolidate_treesitter";

    /// <summary>The file name the loader probes for on Linux, for messages.</summary>
    public const string LibraryFileName = "libconsolidate_treesitter.so";

    /// <summary><c>ts_builtin_sym_error</c>: the symbol of ERROR nodes.</summary>
    public const ushort ErrorSymbol = ushort.MaxValue;

    [LibraryImport(LibraryName)]
    public static partial nint tree_sitter_bash();

    [LibraryImport(LibraryName)]
    public static partial nint tree_sitter_python();

    [LibraryImport(LibraryName)]
    public static partial ParserHandle ts_parser_new();

    [LibraryImport(LibraryName)]
    public static partial void ts_parser_delete(nint parser);

    [LibraryImport(LibraryName)]
    public static partial byte ts_parser_set_language(ParserHandle parser, nint language);

    [LibraryImport(LibraryName)]
    public static partial void ts_parser_reset(ParserHandle parser);

    [LibraryImport(LibraryName)]
    public static partial TreeHandle ts_parser_parse_with_options(ParserHandle parser, nint oldTree, TSInput input, TSParseOptions options);

    [LibraryImport(LibraryName)]
    public static partial void ts_tree_delete(nint tree);

    [LibraryImport(LibraryName)]
    public static partial TSNode ts_tree_root_node(TreeHandle tree);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial uint ts_node_descendant_count(TSNode node);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial ushort ts_node_symbol(TSNode node);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial uint ts_node_start_byte(TSNode node);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial uint ts_node_end_byte(TSNode node);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial byte ts_node_is_missing(TSNode node);

    /// <summary>Non-zero when the node or a descendant is an ERROR or missing node (tests pick error-free inputs by it).</summary>
    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial byte ts_node_has_error(TSNode node);

    [LibraryImport(LibraryName)]
    public static partial TSTreeCursor ts_tree_cursor_new(TSNode node);

    [LibraryImport(LibraryName)]
    public static partial void ts_tree_cursor_delete(TSTreeCursor* cursor);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial TSNode ts_tree_cursor_current_node(TSTreeCursor* cursor);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    public static partial ushort ts_tree_cursor_current_field_id(TSTreeCursor* cursor);

    // The moves may grow the cursor's stack (malloc), so they keep the GC transition.
    [LibraryImport(LibraryName)]
    public static partial byte ts_tree_cursor_goto_first_child(TSTreeCursor* cursor);

    [LibraryImport(LibraryName)]
    public static partial byte ts_tree_cursor_goto_next_sibling(TSTreeCursor* cursor);

    [LibraryImport(LibraryName)]
    public static partial byte ts_tree_cursor_goto_parent(TSTreeCursor* cursor);

    [LibraryImport(LibraryName)]
    public static partial uint ts_language_symbol_count(nint language);

    [LibraryImport(LibraryName)]
    public static partial byte* ts_language_symbol_name(nint language, ushort symbol);

    /// <summary>A <c>TSSymbolType</c>: 0 regular (named), 1 anonymous, 2 supertype, 3 auxiliary.</summary>
    [LibraryImport(LibraryName)]
    public static partial int ts_language_symbol_type(nint language, ushort symbol);

    [LibraryImport(LibraryName)]
    public static partial uint ts_language_field_count(nint language);

    [LibraryImport(LibraryName)]
    public static partial byte* ts_language_field_name_for_id(nint language, ushort field);
}
