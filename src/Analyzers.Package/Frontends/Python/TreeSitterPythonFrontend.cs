using System.Collections.Concurrent;
using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Frontends.Shell.Native;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Package.Frontends.Python;

/// <summary>
/// The Python frontend inside the compiler, where no process may be started (RS1035): tree-sitter-python reads the
/// file in-process, for the tokens (the engine's <see cref="PythonTreeSitterTokenizer"/>, the same tokens the CLI
/// uses) and for structure, symbols, imports and top-level names (<see cref="PythonTreeModelBuilder"/>, which mirrors
/// what the CLI's CPython worker reports). The verdict is tree-sitter's: an ERROR or missing node, or a Python 2
/// <c>print</c>/<c>exec</c> statement, makes the file recovered. A missing native library fails every Python file
/// with the reason, once probed. Thread-safe: native parsers are pooled.
/// </summary>
internal sealed class TreeSitterPythonFrontend : IFrontend, IDisposable
{
    public static readonly TimeSpan ParseBudgetLimit = TimeSpan.FromSeconds(10);

    private readonly PythonTreeSitterTokenizer tokenizer = new();
    private readonly Lazy<(nint Language, BashGrammar? Tables, string? Failure)> language = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentBag<ShellTreeParser> idle = new();

    public Language Language => Language.Python;

    /// <summary>Why tree-sitter-python cannot be used, or null when it can.</summary>
    public string? Unavailable => language.Value.Failure;

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = document.Text;
        if (text.Text.Length == 0)
            return PythonTreeModelBuilder.Empty(text);
        var (pointer, tables, failure) = language.Value;
        if (tables is null)
            return ParsedSource.FailedWith(text, new ParseIssue(1, 1, failure!, ParserUnavailable: true));

        var tokens = tokenizer.Tokenize(text, ParseBudgetLimit, cancellationToken);
        var budget = new ParseBudget(ParseBudgetLimit, cancellationToken);
        var parser = idle.TryTake(out var reused) ? reused : new ShellTreeParser(pointer, tables, "python");
        ShellTree? tree;
        try
        {
            tree = parser.Parse(WithUnixLineBreaks(text.Text), budget);
        }
        finally
        {
            if (idle.Count < 4)
                idle.Add(parser);
            else
                parser.Dispose();
        }

        if (tree is null || tokens is null)
            return ParsedSource.FailedWith(text, new ParseIssue(1, 1, $"python parse exceeded the {ParseBudgetLimit.TotalSeconds:0} s budget or tree-sitter gave up"));
        return new PythonTreeModelBuilder(tree, text).Build(tokens.Value);
    }

    public void Dispose()
    {
        tokenizer.Dispose();
        while (idle.TryTake(out var idleParser))
            idleParser.Dispose();
    }

    private static (nint, BashGrammar?, string?) Load()
    {
        const string Library = TreeSitterApi.LibraryFileName;
        try
        {
            var pointer = TreeSitterApi.tree_sitter_python();
            if (pointer == 0)
                return (0, null, "tree_sitter_python() returned null");
            var tables = GrammarTables.Read(pointer);
            return (pointer, new BashGrammar(tables.SymbolNames, tables.SymbolNamed, tables.FieldNames), null);
        }
        catch (DllNotFoundException ex)
        {
            return (0, null, $"tree-sitter native library {Library} not found next to the analyzer: {ex.Message}");
        }
        catch (EntryPointNotFoundException ex)
        {
            return (0, null, $"tree-sitter native library {Library} next to the analyzer lacks an entry point: {ex.Message}");
        }
        catch (BadImageFormatException ex)
        {
            return (0, null, $"tree-sitter native library {Library} next to the analyzer cannot be loaded: {ex.Message}");
        }
    }

    /// <summary>Each lone <c>\r</c> (a line break for CPython) as <c>\n</c>: same length, so offsets hold (see the tokenizer).</summary>
    private static string WithUnixLineBreaks(string text)
    {
        var first = text.IndexOf('\r');
        if (first < 0)
            return text;
        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n'))
                chars[i] = '\n';
        }

        return new string(chars);
    }
}
