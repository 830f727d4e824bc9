using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// The tree-sitter C API (0.25, <c>lib/include/tree_sitter/api.h</c>), <c>tree_sitter_bash()</c> and
/// <c>tree_sitter_python()</c>, from libconsolidate_treesitter.so, which TreeSitter.targets builds next to the assembly
/// (next to the analyzer in the package, analyzers/dotnet/cs/). C <c>bool</c> is a byte here (non-zero is true).
/// Declared with <see cref="DllImportAttribute"/> rather than <c>LibraryImport</c> because the analyzer package compiles
/// this file for netstandard2.0 too; every signature is blittable but the <see cref="SafeHandle"/>s, which the runtime
/// marshals as the generator would. On .NET, accessors that only read a node skip the GC transition: they are short,
/// never allocate, block or call back (netstandard2.0 has no <c>SuppressGCTransition</c>).
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
#if NET
    [SuppressGCTransition]
#endif
    public static extern uint ts_node_descendant_count(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
#if NET
    [SuppressGCTransition]
#endif
    public static extern ushort ts_node_symbol(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
#if NET
    [SuppressGCTransition]
#endif
    public static extern uint ts_node_start_byte(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
#if NET
    [SuppressGCTransition]
#endif
    public static extern uint ts_node_end_byte(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
#if NET
    [SuppressGCTransition]
#endif
    public static extern byte ts_node_is_missing(TSNode node);

    /// <summary>Non-zero when the node or a descendant is an ERROR or missing node (tests pick error-free inputs by it).</summary>
    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
#if NET
    [SuppressGCTransition]
#endif
    public static extern byte ts_node_has_error(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern TSTreeCursor ts_tree_cursor_new(TSNode node);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void ts_tree_cursor_delete(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
#if NET
    [SuppressGCTransition]
#endif
    public static extern TSNode ts_tree_cursor_current_node(TSTreeCursor* cursor);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
#if NET
    [SuppressGCTransition]
#endif
    public static extern ushort ts_tree_cursor_current_field_id(TSTreeCursor* cursor);

    // The moves may grow the cursor's stack (malloc), so they keep the GC transition.
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
