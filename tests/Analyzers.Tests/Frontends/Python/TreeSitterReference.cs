using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Frontends.Shell.Native;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// What <see cref="PythonLexer"/> is compared with: <see cref="PythonTreeSitterTokenizer"/>'s tokens, and whether
/// tree-sitter-python finds a syntax error (an ERROR or missing node) in the text as the tokenizer gives it to
/// tree-sitter. The lexer promises tree-sitter's tokens on every text without one. Not thread-safe.
/// </summary>
internal sealed class TreeSitterReference : IDisposable
{
    private readonly PythonTreeSitterTokenizer tokenizer = new();
    private readonly TreeSitterParser parser = new(PythonLanguage.Load().Pointer, "python");

    public ImmutableArray<Token> Tokens(SourceText text) =>
        tokenizer.Tokenize(text, TimeSpan.FromSeconds(60), CancellationToken.None) ?? throw new InvalidOperationException("tree-sitter gave no tokens");

    public bool HasError(string text)
    {
        // The tokenizer makes each lone "\r" a "\n" for tree-sitter (same length); the verdict must be on that text.
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n'))
                chars[i] = '\n';
        }

        var unix = new string(chars);
        using var tree = parser.Parse(unix, Utf8OffsetMap.For(unix), new ParseBudget(TimeSpan.FromSeconds(60), CancellationToken.None))
            ?? throw new InvalidOperationException("tree-sitter gave up");
        return TreeSitterApi.ts_node_has_error(TreeSitterApi.ts_tree_root_node(tree)) != 0;
    }

    public void Dispose()
    {
        tokenizer.Dispose();
        parser.Dispose();
    }
}
