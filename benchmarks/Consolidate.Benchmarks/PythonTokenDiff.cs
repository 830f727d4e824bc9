using System.Text;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Frontends.Shell.Native;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Benchmarks;

/// <summary>
/// The corpus check behind <c>pydiff</c>: every Python file's tokens from <see cref="PythonLexer"/> against
/// <see cref="PythonTreeSitterTokenizer"/>'s (kind, text, span), reporting each differing file with its first
/// difference and whether tree-sitter found a syntax error in it (the lexer promises equality only where it did not).
/// </summary>
internal static class PythonTokenDiff
{
    public static string Report(IReadOnlyList<ScannedFile> files)
    {
        using var tokenizer = new PythonTreeSitterTokenizer();
        var language = PythonLanguage.Load();
        using var parser = new TreeSitterParser(language.Pointer, "python");
        var report = new StringBuilder();
        int differing = 0, differingValid = 0, withErrors = 0;
        foreach (var file in files)
        {
            var text = file.Document!.Text;
            var hasError = HasError(parser, text.Text);
            if (hasError)
                withErrors++;
            var expected = tokenizer.Tokenize(text, TimeSpan.FromSeconds(60), CancellationToken.None);
            var actual = PythonLexer.Tokenize(text, TimeSpan.FromSeconds(60), CancellationToken.None);
            if (expected is not { } treeSitter || actual is not { } lexer)
            {
                report.AppendLine($"{file.Path}: no tokens (tree-sitter {(expected is null ? "null" : "ok")}, lexer {(actual is null ? "null" : "ok")})");
                differing++;
                continue;
            }

            if (treeSitter.AsSpan().SequenceEqual(lexer.AsSpan()))
                continue;
            differing++;
            if (!hasError)
                differingValid++;
            var at = 0;
            while (at < treeSitter.Length && at < lexer.Length && treeSitter[at] == lexer[at])
                at++;
            report.AppendLine($"{file.Path}: {(hasError ? "tree-sitter finds a syntax error" : "NO syntax error")}; tokens {treeSitter.Length} vs {lexer.Length}, first difference at #{at}");
            report.AppendLine($"    tree-sitter: {Show(treeSitter, at)}");
            report.AppendLine($"    lexer:       {Show(lexer, at)}");
        }

        report.Append($"{files.Count} Python files ({withErrors} with tree-sitter syntax errors): {differing} differ, {differingValid} of them without a syntax error");
        return report.ToString();
    }

    private static string Show(System.Collections.Immutable.ImmutableArray<Token> tokens, int at) =>
        at < tokens.Length ? $"{tokens[at].Kind} {System.Text.Json.JsonSerializer.Serialize(tokens[at].Text)} at {tokens[at].Span}" : "(end)";

    /// <summary>tree-sitter's verdict on the text as the tokenizer gives it to tree-sitter (a lone CR made LF).</summary>
    private static bool HasError(TreeSitterParser parser, string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n'))
                chars[i] = '\n';
        }

        var unix = new string(chars);
        using var tree = parser.Parse(unix, Utf8OffsetMap.For(unix), new ParseBudget(TimeSpan.FromSeconds(60), CancellationToken.None));
        return tree is null || TreeSitterApi.ts_node_has_error(TreeSitterApi.ts_tree_root_node(tree)) != 0;
    }
}
