using System.Collections.Concurrent;
using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends.Shell.Native;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// The shell frontend: parses shell scripts (and shell embedded in other files) with tree-sitter-bash. Thread-safe:
/// native parsers are not, so each call borrows one from a small pool. Expected failures are values: a parse over
/// the time budget or a missing native library gives a failed <see cref="ParsedSource"/>, syntax errors give issues.
/// </summary>
public sealed class ShellFrontend : IFrontend, IShellParser
{
    public static readonly TimeSpan DefaultParseBudget = TimeSpan.FromSeconds(5);

    private readonly TimeSpan parseBudget;
    private readonly Lazy<LanguageLoad<BashLanguage>> language;
    private readonly ConcurrentBag<ShellTreeParser> idleParsers = new();
#if NET
    private readonly int maxIdleParsers = Math.Max(2, Environment.ProcessorCount * 2);
#else
    // The analyzer package: analyzers may not touch Environment (RS1035); the compiler's own parallelism is small.
    private readonly int maxIdleParsers = 4;
#endif

    public ShellFrontend()
        : this(DefaultParseBudget)
    {
    }

    /// <param name="parseBudget">The time one text may take to parse, after which it is reported failed.</param>
    public ShellFrontend(TimeSpan parseBudget)
        : this(parseBudget, BashLanguage.Load)
    {
    }

    /// <summary>A seam for tests: <paramref name="loadLanguage"/> stands for the first call into the native library.</summary>
    internal ShellFrontend(TimeSpan parseBudget, Func<BashLanguage> loadLanguage)
    {
        this.parseBudget = parseBudget;
        language = new Lazy<LanguageLoad<BashLanguage>>(() => LanguageLoad<BashLanguage>.From(loadLanguage), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Language Language => Language.Shell;

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Parse(document.Text, 0, document.Text.Text, cancellationToken);
    }

    public ParsedSource Parse(SourceText host, int start, string snippet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(snippet);
        if (start < 0 || start > host.Text.Length - snippet.Length)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"the snippet ({snippet.Length} characters) does not fit in the host text ({host.Text.Length} characters) at this offset");
        cancellationToken.ThrowIfCancellationRequested();

        var coordinates = new HostCoordinates(host, start);
        if (snippet.Length == 0)
            return Empty(coordinates);

        var load = language.Value;
        if (load.Language is null)
            return Failed(coordinates, snippet.Length, load.Failure!, parserUnavailable: true);

        var budget = new ParseBudget(parseBudget, cancellationToken);
        var parser = Rent(load.Language);
        ShellTree? tree;
        try
        {
            tree = parser.Parse(snippet, budget);
        }
        finally
        {
            Return(parser);
        }

        var parsed = tree is null ? null : ShellModelBuilder.Build(tree, coordinates, budget);
        if (parsed is not null)
            return parsed;
        return Failed(coordinates, snippet.Length, budget.IsSpent() ? budget.ExceededMessage : "tree-sitter-bash gave up on this text (its external scanner failed)");
    }

    private ShellTreeParser Rent(BashLanguage bash) => idleParsers.TryTake(out var parser) ? parser : new ShellTreeParser(bash.Pointer, bash.Grammar, "bash");

    private void Return(ShellTreeParser parser)
    {
        if (idleParsers.Count < maxIdleParsers)
            idleParsers.Add(parser);
        else
            parser.Dispose();
    }

    private static ParsedSource Empty(HostCoordinates coordinates) => new(
        SyntaxNode.Leaf(NodeKind.File, "program", coordinates.Span(0, 0)),
        ImmutableArray<Token>.Empty,
        ImmutableArray<Symbol>.Empty,
        ShellFacts.Empty,
        ImmutableArray<ParseIssue>.Empty);

    private static ParsedSource Failed(HostCoordinates coordinates, int length, string message, bool parserUnavailable = false)
    {
        var span = coordinates.Span(0, length);
        return new ParsedSource(
            SyntaxNode.Leaf(NodeKind.File, "program", span),
            ImmutableArray<Token>.Empty,
            ImmutableArray<Symbol>.Empty,
            null,
            ImmutableArray.Create(new ParseIssue(span.StartLine, span.StartColumn, message, ParserUnavailable: parserUnavailable)),
            Failed: true);
    }
}
