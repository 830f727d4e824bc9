using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// The tree-sitter C API for the analyzer package: the same entry points as the engine's <c>TreeSitterApi</c>, declared
/// with <see cref="DllImportAttribute"/> because netstandard2.0 has neither <c>LibraryImport</c> nor
/// <c>SuppressGCTransition</c>. Inside the compiler the runtime finds libconsolidate_treesitter.so next to the analyzer
/// assembly (analyzers/dotnet/cs/ in the package). C <c>bool</c> is a byte (non-zero is true).
/// </summary>
internal static unsafe class TreeSitterApi
{
    public const string LibraryName = "consolidate_treesitter";

    /// <summary>The file name the loader probes for on Linux, for messages.</summary>
    public const string LibraryFileName = "libconsolidate_treesitter.so";

    /// <summary><c>ts_builtin_sym_error</c>: the symbol of ERROR nodes.</summary>
    public const ushort ErrorSymbol = ushort.MaxValue;

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern nint tree_sitter_bash();

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern nint tree_sitter_python();

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern ParserHandle ts_parser_new();

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void ts_parser_delete(nint parser);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern byte ts_parser_set_language(ParserHandle parser, nint language);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void ts_parser_reset(ParserHandle parser);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern TreeHandle ts_parser_parse_with_options(ParserHandle parser, nint oldTree, TSInput input, TSParseOptions options);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void ts_tree_delete(nint tree);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern TSNode ts_tree_root_node(TreeHandle tree);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern uint ts_node_descendant_count(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern ushort ts_node_symbol(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern uint ts_node_start_byte(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern uint ts_node_end_byte(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern byte ts_node_is_missing(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern TSTreeCursor ts_tree_cursor_new(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void ts_tree_cursor_delete(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern TSNode ts_tree_cursor_current_node(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern ushort ts_tree_cursor_current_field_id(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern byte ts_tree_cursor_goto_first_child(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern byte ts_tree_cursor_goto_next_sibling(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern byte ts_tree_cursor_goto_parent(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern uint ts_language_symbol_count(nint language);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern byte* ts_language_symbol_name(nint language, ushort symbol);

    /// <summary>A <c>TSSymbolType</c>: 0 regular (named), 1 anonymous, 2 supertype, 3 auxiliary.</summary>
    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern int ts_language_symbol_type(nint language, ushort symbol);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern uint ts_language_field_count(nint language);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern byte* ts_language_field_name_for_id(nint language, ushort field);
}
