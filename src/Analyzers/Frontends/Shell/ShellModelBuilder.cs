using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>Turns a copied tree into the model: tree, tokens, symbols, facts and issues; null when the budget ran out.</summary>
internal static class ShellModelBuilder
{
    public static ParsedSource? Build(ShellTree tree, HostCoordinates coordinates, ParseBudget budget)
    {
        var root = ShellSyntaxBuilder.Build(tree, coordinates, tree.Text.Length, budget);
        if (root is null)
            return null;
        var tokens = ShellTokenizer.Tokenize(tree, coordinates, budget);
        if (tokens is null)
            return null;
        var facts = ShellFactsReader.Read(tree, coordinates, budget);
        if (facts is null)
            return null;
        var issues = ShellIssueReader.Read(tree, coordinates);
        return new ParsedSource(root, tokens.Value, facts.Value.Symbols, facts.Value.Facts, issues);
    }
}
