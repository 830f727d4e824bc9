using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Reads the shell facts and the function symbols in one pre-order pass, so commands and assignments get their
/// <see cref="ShellCommand.Sequence"/> in source order. Every simple command is a fact, also inside functions,
/// blocks, subshells and command substitutions (a command inside another command's word has a span inside that
/// word). Assignment facts are <c>NAME=value</c> statements and the assignments of export/local/readonly/declare/
/// typeset; a bare name after local/declare/typeset is an assignment with no value (the variable is reset there).
/// Prefix assignments (<c>NAME=value cmd</c>) only set the command's environment and are not assignment facts.
/// </summary>
internal sealed class ShellFactsReader
{
    private static readonly ImmutableHashSet<string> ResettingDeclarations = ImmutableHashSet.Create(StringComparer.Ordinal, "local", "declare", "typeset");

    private readonly ShellTree tree;
    private readonly HostCoordinates coordinates;
    private readonly ShellWordReader words;
    private readonly ImmutableArray<ShellCommand>.Builder commands = ImmutableArray.CreateBuilder<ShellCommand>();
    private readonly ImmutableArray<ShellAssignment>.Builder assignments = ImmutableArray.CreateBuilder<ShellAssignment>();
    private readonly ImmutableArray<ShellHeredoc>.Builder heredocs = ImmutableArray.CreateBuilder<ShellHeredoc>();
    private readonly ImmutableArray<Symbol>.Builder symbols = ImmutableArray.CreateBuilder<Symbol>();
    private readonly Dictionary<int, string?> functionNames = new();
    private int sequence;

    private ShellFactsReader(ShellTree tree, HostCoordinates coordinates)
    {
        this.tree = tree;
        this.coordinates = coordinates;
        words = new ShellWordReader(tree, coordinates);
    }

    public static (ShellFacts Facts, ImmutableArray<Symbol> Symbols)? Read(ShellTree tree, HostCoordinates coordinates, ParseBudget budget) =>
        new ShellFactsReader(tree, coordinates).Run(budget);

    private (ShellFacts, ImmutableArray<Symbol>)? Run(ParseBudget budget)
    {
        // functions[i]: the innermost function_definition around node i, or -1; parents precede children.
        var functions = new int[tree.Count];
        for (var node = 0; node < tree.Count; node++)
        {
            if (budget.Tick())
                return null;
            var parent = tree.Parent(node);
            functions[node] = parent < 0 ? -1 : tree.Kind(parent) == BashNodeKind.FunctionDefinition ? parent : functions[parent];

            switch (tree.Kind(node))
            {
                case BashNodeKind.FunctionDefinition:
                    var name = ShellSyntaxBuilder.FunctionName(tree, node);
                    if (name is not null)
                        symbols.Add(new Symbol(SymbolKind.ShellFunction, name, null, Span(node)));
                    break;
                case BashNodeKind.Command:
                    ReadCommand(node, FunctionName(functions[node]));
                    break;
                case BashNodeKind.VariableAssignment when parent < 0 || tree.Kind(parent) != BashNodeKind.Command:
                    ReadAssignment(node, FunctionName(functions[node]));
                    break;
                case BashNodeKind.VariableName when parent >= 0 && tree.Kind(parent) == BashNodeKind.DeclarationCommand && IsResetting(parent):
                    assignments.Add(new ShellAssignment(tree.SourceText(node), null, Span(node), FunctionName(functions[node]), sequence++));
                    break;
                case BashNodeKind.HeredocRedirect:
                    ReadHeredoc(node);
                    break;
            }
        }

        return (new ShellFacts(commands.ToImmutable(), assignments.ToImmutable(), heredocs.ToImmutable()), symbols.ToImmutable());
    }

    private void ReadCommand(int command, string? function)
    {
        var name = tree.ChildWithField(command, tree.Grammar.NameField);
        if (name < 0 || tree.Length(name) == 0)
            return;
        var arguments = ImmutableArray.CreateBuilder<ShellWord>();
        foreach (var child in tree.Children(command))
            if (tree.Field(child) == tree.Grammar.ArgumentField && tree.Length(child) > 0)
                arguments.Add(words.Read(child));
        commands.Add(new ShellCommand(words.Read(name), arguments.ToImmutable(), Span(command), function, sequence++));
    }

    private void ReadAssignment(int assignment, string? function)
    {
        var name = tree.ChildWithField(assignment, tree.Grammar.NameField);
        if (name < 0)
            return;
        var valueNode = tree.ChildWithField(assignment, tree.Grammar.ValueField);
        var value = valueNode < 0 ? words.Empty(tree.End(assignment)) : words.Read(valueNode);
        var variable = tree.SourceText(name);

        // NAME+=value appends: as a value that is the old value followed by the new text.
        if (IsAppend(assignment) && tree.Kind(name) == BashNodeKind.VariableName && (valueNode < 0 || tree.Kind(valueNode) != BashNodeKind.Array))
            value = value with { Parts = value.Parts.Insert(0, new ShellWordPart(ShellWordPartKind.Variable, variable)) };
        assignments.Add(new ShellAssignment(variable, value, Span(assignment), function, sequence++));
    }

    private void ReadHeredoc(int redirect)
    {
        var start = tree.FirstChildOfKind(redirect, BashNodeKind.HeredocStart);
        if (start < 0 || tree.Length(start) == 0)
            return;
        var body = tree.FirstChildOfKind(redirect, BashNodeKind.HeredocBody);
        var end = tree.FirstChildOfKind(redirect, BashNodeKind.HeredocEnd);
        var bodySpan = body >= 0 ? Span(body)
            : end >= 0 ? coordinates.Span(tree.Start(end), tree.Start(end))
            : coordinates.Span(tree.End(redirect), tree.End(redirect));
        heredocs.Add(new ShellHeredoc(Delimiter(tree.Source(start)), bodySpan));
    }

    /// <summary>The delimiter word with its quoting removed: <c>'EOF'</c>, <c>"EOF"</c>, <c>\EOF</c> are all EOF.</summary>
    private static string Delimiter(ReadOnlySpan<char> word)
    {
        var result = new System.Text.StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is '\'' or '"')
                continue;
            if (c == '\\' && i + 1 < word.Length)
                c = word[++i];
            result.Append(c);
        }

        return result.ToString();
    }

    private string? FunctionName(int function)
    {
        if (function < 0)
            return null;
        if (!functionNames.TryGetValue(function, out var name))
            functionNames[function] = name = ShellSyntaxBuilder.FunctionName(tree, function);
        return name;
    }

    private bool IsResetting(int declaration)
    {
        var keyword = tree.FirstChild(declaration);
        return keyword >= 0 && !tree.IsNamed(keyword) && ResettingDeclarations.Contains(tree.TypeName(keyword));
    }

    private bool IsAppend(int assignment)
    {
        foreach (var child in tree.Children(assignment))
            if (tree.IsToken(child, "+="))
                return true;
        return false;
    }

    private SourceSpan Span(int node) => coordinates.Span(tree.Start(node), tree.End(node));
}
