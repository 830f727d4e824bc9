using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// A grammar's symbol and field tables as the native language reports them: symbol id to type name and named-ness,
/// field id to name (index 0, which no node carries, is the empty string). Read once per language.
/// </summary>
internal sealed unsafe record GrammarTables(ImmutableArray<string> SymbolNames, ImmutableArray<bool> SymbolNamed, ImmutableArray<string> FieldNames)
{
    public static GrammarTables Read(nint language)
    {
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

        return new GrammarTables(names.MoveToImmutable(), named.MoveToImmutable(), fields.MoveToImmutable());
    }
}
