using Consolidate.Analyzers.Frontends.Python;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// The python grammar of the native library (tree-sitter-python): its <c>TSLanguage*</c> (static data of the
/// library, never freed) and its symbol classes. <see cref="Load"/> is the first call into the library for Python, so
/// it is where a missing library shows up (<see cref="DllNotFoundException"/>).
/// </summary>
internal sealed class PythonLanguage
{
    private PythonLanguage(nint pointer, PythonGrammar grammar)
    {
        Pointer = pointer;
        Grammar = grammar;
    }

    public nint Pointer { get; }

    public PythonGrammar Grammar { get; }

    public static PythonLanguage Load()
    {
        var language = TreeSitterApi.tree_sitter_python();
        if (language == 0)
            throw new InvalidOperationException("tree_sitter_python() returned null");

        var tables = GrammarTables.Read(language);
        return new PythonLanguage(language, new PythonGrammar(tables.SymbolNames, tables.SymbolNamed));
    }
}
