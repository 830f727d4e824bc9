using System.Text;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Rules;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Support;

/// <summary>
/// Runs one rule over files written to a temp folder and parsed by the real frontends. In each file's text,
/// <c>[|…|]</c> marks an expected finding's exact span; any other finding, or a missing one, fails the test.
/// A <c>consolidate.yml</c> may be given as config.
/// </summary>
public static class RuleHarness
{
    private static readonly Lazy<FrontendSet> Frontends = new(() => FrontendFactory.Create(new FrontendOptions { PythonWorkers = 2 }));

    public static void Verify<TRule>(params (string Path, string Markup)[] files) where TRule : IRule, new() =>
        VerifyWithConfig<TRule>(null, files);

    public static void VerifyWithConfig<TRule>(string? configYaml, params (string Path, string Markup)[] files) where TRule : IRule, new()
    {
        using var tree = new TempTree();
        var expected = new List<string>();
        foreach (var (path, markup) in files)
        {
            var (text, spans) = Unmark(markup);
            tree.Write(path, text);
            var source = new SourceText(text);
            expected.AddRange(spans.Select(s => Describe(path, source.Span(s.Start, s.End))));
        }

        var config = ConsolidateConfig.Default;
        if (configYaml is not null)
        {
            var (parsed, errors) = ConfigParser.Parse(configYaml, "consolidate.yml");
            Assert.Empty(errors);
            config = parsed!;
        }

        var actual = Run<TRule>(tree.Root, config).Select(d => $"{d.Path}:{d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn}").ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    /// <summary>The rule's raw findings (before severity and suppression) on a folder.</summary>
    public static IReadOnlyList<Diagnostic> Run<TRule>(string root, ConsolidateConfig config) where TRule : IRule, new()
    {
        var result = new RepositoryAnalyzer(config, Frontends.Value, new ScanOptions { Excludes = config.Exclude }).Analyze(root, null, CancellationToken.None);
        var rule = new TRule();
        var sink = new List<Diagnostic>();
        rule.Analyze(new RuleContext(rule.Descriptor, result.Model, sink, CancellationToken.None));
        return sink;
    }

    private static string Describe(string path, SourceSpan span) => $"{path}:{span.StartLine}:{span.StartColumn}-{span.EndLine}:{span.EndColumn}";

    private static (string Text, List<(int Start, int End)> Spans) Unmark(string markup)
    {
        var text = new StringBuilder();
        var spans = new List<(int, int)>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup.AsSpan(i).StartsWith("[|"))
            {
                open.Push(text.Length);
                i++;
            }
            else if (markup.AsSpan(i).StartsWith("|]") && open.Count > 0)
            {
                spans.Add((open.Pop(), text.Length));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        return (text.ToString(), spans);
    }
}
