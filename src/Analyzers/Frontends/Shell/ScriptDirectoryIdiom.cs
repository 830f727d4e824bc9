using System.Text;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Recognizes the ways scripts compute their own directory, on the tree: <c>${BASH_SOURCE%/*}</c>, <c>${0%/*}</c>,
/// <c>$(dirname SCRIPT)</c> (also in backquotes), <c>$(cd [--] DIR [redirections] &amp;&amp; pwd)</c>,
/// <c>$(realpath DIR)</c>, <c>$(readlink -f DIR)</c>, where SCRIPT is <c>$0</c>, <c>$BASH_SOURCE</c>,
/// <c>${BASH_SOURCE[0]}</c> (quoted or not, or resolved by <c>readlink -f</c>/<c>realpath</c>) and DIR is itself one
/// of these idioms. Nesting is followed to a fixed depth.
/// </summary>
internal sealed class ScriptDirectoryIdiom(ShellTree tree)
{
    private const int MaxDepth = 8;

    /// <summary>True when <paramref name="node"/> (an expansion, a command substitution or a string around one) is the script's directory.</summary>
    public bool IsScriptDirectory(int node) => IsScriptDirectory(node, 0);

    private bool IsScriptDirectory(int node, int depth)
    {
        if (depth > MaxDepth)
            return false;
        switch (tree.Kind(node))
        {
            case BashNodeKind.Expansion:
                return IsTrimmedScriptPath(node);
            case BashNodeKind.String:
                return SoleExpansionInString(node) is var inner && inner >= 0 && IsScriptDirectory(inner, depth + 1);
            case BashNodeKind.CommandSubstitution:
                var statements = tree.NamedChildren(node);
                if (statements.Count == 1 && tree.Kind(statements[0]) == BashNodeKind.Command)
                    return IsDirectoryCommand(statements[0], depth);
                if (statements.Count == 1 && tree.Kind(statements[0]) == BashNodeKind.List)
                {
                    var parts = tree.NamedChildren(statements[0]);
                    return parts.Count == 2 && HasToken(statements[0], "&&") && IsCdToScriptDirectory(parts[0], depth) && IsPwd(parts[1]);
                }

                return statements.Count == 2 && IsCdToScriptDirectory(statements[0], depth) && IsPwd(statements[1]);
            default:
                return false;
        }
    }

    /// <summary><c>${BASH_SOURCE%/*}</c>, <c>${BASH_SOURCE[0]%/*}</c>, <c>${0%/*}</c>.</summary>
    private bool IsTrimmedScriptPath(int expansion)
    {
        var named = tree.NamedChildren(expansion);
        return named.Count == 2
            && IsScriptPathName(named[0])
            && tree.Kind(named[1]) == BashNodeKind.Regex && tree.Source(named[1]).SequenceEqual("/*")
            && HasToken(expansion, "%");
    }

    /// <summary><c>dirname SCRIPT</c>, <c>realpath DIR</c>, <c>readlink -f DIR</c>.</summary>
    private bool IsDirectoryCommand(int command, int depth)
    {
        var name = CommandName(command);
        if (!TryOperand(command, out var operand, out var options))
            return false;
        return name switch
        {
            "dirname" => IsScriptPath(operand, depth + 1),
            "realpath" => IsScriptDirectory(operand, depth + 1),
            "readlink" => options.Any(IsCanonicalizeOption) && IsScriptDirectory(operand, depth + 1),
            _ => false,
        };
    }

    /// <summary><c>cd [-P|-L|--] DIR</c>, optionally with redirections (<c>&gt; /dev/null</c>).</summary>
    private bool IsCdToScriptDirectory(int statement, int depth)
    {
        if (tree.Kind(statement) == BashNodeKind.RedirectedStatement)
            statement = tree.ChildWithField(statement, tree.Grammar.BodyField);
        return statement >= 0
            && tree.Kind(statement) == BashNodeKind.Command
            && CommandName(statement) == "cd"
            && TryOperand(statement, out var operand, out _)
            && IsScriptDirectory(operand, depth + 1);
    }

    private bool IsPwd(int statement) =>
        tree.Kind(statement) == BashNodeKind.Command
        && CommandName(statement) == "pwd"
        && Arguments(statement).All(a => LiteralText(a) is "-P" or "-L");

    /// <summary><c>$0</c>, <c>$BASH_SOURCE</c>, <c>${BASH_SOURCE[0]}</c>, quoted or not, or <c>$(readlink -f SCRIPT)</c>/<c>$(realpath SCRIPT)</c>.</summary>
    private bool IsScriptPath(int node, int depth)
    {
        if (depth > MaxDepth)
            return false;
        switch (tree.Kind(node))
        {
            case BashNodeKind.SimpleExpansion:
            {
                var named = tree.NamedChildren(node);
                return named.Count == 1 && IsScriptPathName(named[0]);
            }

            case BashNodeKind.Expansion:
            {
                var children = 0;
                foreach (var _ in tree.Children(node))
                    children++;
                var named = tree.NamedChildren(node);
                return children == 3 && named.Count == 1 && IsScriptPathName(named[0]);
            }

            case BashNodeKind.String:
                return SoleExpansionInString(node) is var inner && inner >= 0 && IsScriptPath(inner, depth + 1);
            case BashNodeKind.CommandSubstitution:
            {
                var statements = tree.NamedChildren(node);
                if (statements.Count != 1 || tree.Kind(statements[0]) != BashNodeKind.Command)
                    return false;
                var command = statements[0];
                var name = CommandName(command);
                return TryOperand(command, out var operand, out var options)
                    && (name == "realpath" || (name == "readlink" && options.Any(IsCanonicalizeOption)))
                    && IsScriptPath(operand, depth + 1);
            }

            default:
                return false;
        }
    }

    /// <summary>The name inside an expansion: <c>0</c>, <c>BASH_SOURCE</c> or <c>BASH_SOURCE[0]</c>.</summary>
    private bool IsScriptPathName(int node)
    {
        switch (tree.Kind(node))
        {
            case BashNodeKind.VariableName:
                var name = tree.Source(node);
                return name.SequenceEqual("0") || name.SequenceEqual("BASH_SOURCE");
            case BashNodeKind.Subscript:
                var variable = tree.ChildWithField(node, tree.Grammar.NameField);
                var index = tree.ChildWithField(node, tree.Grammar.FieldId("index"));
                return variable >= 0 && index >= 0
                    && tree.Source(variable).SequenceEqual("BASH_SOURCE")
                    && tree.Source(index).SequenceEqual("0");
            default:
                return false;
        }
    }

    private static bool IsCanonicalizeOption(string option) =>
        option.StartsWith("--canonicalize", StringComparison.Ordinal)
        || (option.Length > 1 && option[0] == '-' && option[1] != '-' && option.AsSpan(1).IndexOfAny("fem") >= 0);

    /// <summary>The single non-option argument of a command (options before <c>--</c> start with '-').</summary>
    private bool TryOperand(int command, out int operand, out List<string> options)
    {
        operand = -1;
        options = new List<string>();
        var endOfOptions = false;
        foreach (var argument in Arguments(command))
        {
            var text = LiteralText(argument);
            if (!endOfOptions && text is not null && text.StartsWith('-') && text.Length > 1)
            {
                if (text == "--")
                    endOfOptions = true;
                else
                    options.Add(text);
                continue;
            }

            if (operand >= 0)
                return false;
            operand = argument;
        }

        return operand >= 0;
    }

    private List<int> Arguments(int command)
    {
        var arguments = new List<int>();
        foreach (var child in tree.Children(command))
            if (tree.Field(child) == tree.Grammar.ArgumentField)
                arguments.Add(child);
        return arguments;
    }

    private string? CommandName(int command)
    {
        var name = tree.ChildWithField(command, tree.Grammar.NameField);
        var word = name < 0 ? -1 : tree.FirstChild(name);
        return word < 0 || tree.NextSibling(word) >= 0 ? null : LiteralText(word);
    }

    /// <summary>The only expansion or substitution inside a double-quoted string with no other text, or -1.</summary>
    private int SoleExpansionInString(int node)
    {
        var found = -1;
        foreach (var child in tree.Children(node))
        {
            if (!tree.IsNamed(child))
                continue;
            if (tree.Kind(child) == BashNodeKind.StringContent && tree.Length(child) == 0)
                continue;
            if (found >= 0 || tree.Kind(child) == BashNodeKind.StringContent)
                return -1;
            found = child;
        }

        return found;
    }

    private bool HasToken(int node, string token)
    {
        foreach (var child in tree.Children(node))
            if (tree.IsToken(child, token))
                return true;
        return false;
    }

    /// <summary>The value of a plain word, single- or double-quoted text without expansions; null otherwise.</summary>
    private string? LiteralText(int node)
    {
        switch (tree.Kind(node))
        {
            case BashNodeKind.Word:
                var word = tree.Source(node);
                if (word.IndexOfAny("\\*?[~") < 0)
                    return word.ToString();
                var unescaped = new StringBuilder(word.Length);
                for (var i = 0; i < word.Length; i++)
                {
                    if (word[i] is '*' or '?' or '[' || (i == 0 && word[i] == '~'))
                        return null;
                    if (word[i] == '\\' && i + 1 < word.Length)
                        i++;
                    unescaped.Append(word[i]);
                }

                return unescaped.ToString();
            case BashNodeKind.RawString:
                var raw = tree.Source(node);
                return raw.Length >= 2 ? raw[1..^1].ToString() : null;
            case BashNodeKind.String:
                var text = new StringBuilder();
                foreach (var child in tree.Children(node))
                {
                    if (!tree.IsNamed(child))
                        continue;
                    if (tree.Kind(child) != BashNodeKind.StringContent || tree.Source(child).Contains('\\'))
                        return null;
                    text.Append(tree.Source(child));
                }

                return text.ToString();
            case BashNodeKind.Number:
                return tree.SourceText(node);
            default:
                return null;
        }
    }
}
