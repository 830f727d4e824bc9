using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// The bash grammar of the native library: its <c>TSLanguage*</c> (static data of the library, never freed) and its
/// symbol and field tables. <see cref="Load"/> is the first call into the library, so it is where a missing library
/// shows up (<see cref="DllNotFoundException"/>).
/// </summary>
internal sealed unsafe class BashLanguage
{
    private BashLanguage(nint pointer, BashGrammar grammar)
    {
        Pointer = pointer;
        Grammar = grammar;
    }

    public nint Pointer { get; }

    public BashGrammar Grammar { get; }

    public static BashLanguage Load()
    {
        var language = TreeSitterApi.tree_sitter_bash();
        if (language == 0)
            throw new InvalidOperationException("tree_sitter_bash() returned null");

        var symbolCount = TreeSitterApi.ts_language_symbol_count(language);
        var names = ImmutableArray.CreateBuilder<string>((int)symbolCount);
        var named = ImmutableArray.CreateBuilder<bool>((int)symbolCount);
        for (ushort symbol = 0; symbol < symbolCount; symbol++)
        {
            names.Add(Marshal.PtrToStringUTF8((nint)TreeSitterApi.ts_language_symbol_name(language, symbol)) ?? string.Empty);
            var type = TreeSitterApi.ts_language_symbol_type(language, symbol);
            named.Add(type is 0 or 2);
        }

        var fieldCount = TreeSitterApi.ts_language_field_count(language);
        var fields = ImmutableArray.CreateBuilder<string>((int)fieldCount + 1);
        fields.Add(string.Empty);
        for (ushort field = 1; field <= fieldCount; field++)
            fields.Add(Marshal.PtrToStringUTF8((nint)TreeSitterApi.ts_language_field_name_for_id(language, field)) ?? string.Empty);

        return new BashLanguage(language, new BashGrammar(names.MoveToImmutable(), named.MoveToImmutable(), fields.MoveToImmutable()));
    }
}
