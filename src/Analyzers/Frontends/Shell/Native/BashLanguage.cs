namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// The bash grammar of the native library: its <c>TSLanguage*</c> (static data of the library, never freed) and its
/// symbol and field tables. <see cref="Load"/> is the first call into the library, so it is where a missing library
/// shows up (<see cref="DllNotFoundException"/>).
/// </summary>
internal sealed class BashLanguage
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

        var tables = GrammarTables.Read(language);
        return new BashLanguage(language, new BashGrammar(tables.SymbolNames, tables.SymbolNamed, tables.FieldNames));
    }
}
