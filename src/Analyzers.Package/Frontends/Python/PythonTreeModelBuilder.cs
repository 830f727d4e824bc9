using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Package.Frontends.Python;

/// <summary>
/// Turns a tree-sitter-python tree into the model the CLI's CPython worker (src/Analyzers/Frontends/Python/worker.py)
/// produces: statements, blocks (body, orelse, finalbody, handler, case), functions and classes (spans from the first
/// decorator), symbols with their containers, imports (with module and name spans, in-function and in-try flags),
/// string references (<c>importlib.import_module</c>, <c>__import__</c>, <c>mock.patch</c>) and top-level names. Raw
/// kinds use CPython's ast names where one exists. A file with a syntax error keeps its tokens and gets only the
/// module node, like a file CPython rejects.
/// </summary>
internal sealed class PythonTreeModelBuilder
{
    private static readonly HashSet<string> ImportModuleCalls = new(StringComparer.Ordinal) { "importlib.import_module", "import_module" };
    private static readonly HashSet<string> DunderImportCalls = new(StringComparer.Ordinal) { "__import__", "builtins.__import__" };
    private static readonly string[] Patchers =
        ["patch", "mock.patch", "unittest.mock.patch", "mocker.patch", "class_mocker.patch", "module_mocker.patch", "package_mocker.patch", "session_mocker.patch"];

    private static readonly HashSet<string> PatchCalls = new(
        Patchers.Concat(Patchers.Select(p => p + ".dict")).Concat(Patchers.Select(p => p + ".multiple")).Concat(["monkeypatch.setattr", "monkeypatch.delattr"]),
        StringComparer.Ordinal);

    private static readonly string[] CallTriggers = ["import_module", "__import__", "patch", "setattr", "delattr"];

    private readonly ShellTree tree;
    private readonly SourceText text;
    private readonly List<Symbol> symbols = [];
    private readonly List<PythonImport> imports = [];
    private readonly List<string> names = [];
    private readonly HashSet<string> nameSet = new(StringComparer.Ordinal);

    public PythonTreeModelBuilder(ShellTree tree, SourceText text)
    {
        this.tree = tree;
        this.text = text;
    }

    public static ParsedSource Empty(SourceText text) => new(
        SyntaxNode.Leaf(NodeKind.File, "Module", text.Span(0, text.Text.Length)),
        ImmutableArray<Token>.Empty,
        ImmutableArray<Symbol>.Empty,
        new PythonFacts(ImmutableArray<PythonImport>.Empty, ImmutableArray<string>.Empty),
        ImmutableArray<ParseIssue>.Empty);

    public ParsedSource Build(ImmutableArray<Token> tokens)
    {
        var whole = text.Span(0, text.Text.Length);
        if (FirstError(0) is { } error)
        {
            return new ParsedSource(
                SyntaxNode.Leaf(NodeKind.File, "Module", whole),
                tokens,
                ImmutableArray<Symbol>.Empty,
                null,
                ImmutableArray.Create(error));
        }

        var children = Statements(0, new Scope("module", null, ModuleScope: true, InFunction: false, InTry: false));
        if (CallTriggers.Any(t => text.Text.Contains(t)))
            FindStringReferences(0, inFunction: false, inTry: false);
        var root = new SyntaxNode(NodeKind.File, "Module", whole, null, children);
        var ordered = imports.OrderBy(i => i.Span.StartLine).ThenBy(i => i.Span.StartColumn).ToImmutableArray();
        return new ParsedSource(root, tokens, symbols.ToImmutableArray(), new PythonFacts(ordered, names.ToImmutableArray()), ImmutableArray<ParseIssue>.Empty);
    }

    // -- verdict ------------------------------------------------------------------------------------------------------

    private ParseIssue? FirstError(int root)
    {
        for (var node = root; node < tree.SubtreeEnd(root); node++)
        {
            var type = tree.TypeName(node);
            string? message = null;
            // CPython's own words differ by case; tree-sitter knows only where it went wrong. "invalid syntax" is CPython's
            // general message.
            if (tree.IsMissing(node) || (type == "ERROR" && tree.IsNamed(node)))
                message = "SyntaxError: invalid syntax";
            else if (type is "print_statement" && tree.IsNamed(node))
                message = "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?";
            else if (type is "exec_statement" && tree.IsNamed(node))
                message = "SyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?";
            if (message is null)
                continue;
            var at = text.Span(tree.Start(node), tree.Start(node));
            return new ParseIssue(at.StartLine, at.StartColumn, message);
        }

        return null;
    }

    // -- structure ----------------------------------------------------------------------------------------------------

    private sealed record Scope(string Kind, string? Prefix, bool ModuleScope, bool InFunction, bool InTry);

    private ImmutableArray<SyntaxNode> Statements(int container, Scope scope)
    {
        var result = ImmutableArray.CreateBuilder<SyntaxNode>();
        foreach (var child in StatementChildren(container))
            result.Add(Statement(child, scope));
        return result.ToImmutable();
    }

    private IEnumerable<int> StatementChildren(int container)
    {
        foreach (var child in Kids(container))
        {
            if (tree.IsNamed(child) && tree.TypeName(child) is not ("comment" or "line_continuation"))
                yield return child;
        }
    }

    private SyntaxNode Statement(int node, Scope scope)
    {
        var type = tree.TypeName(node);
        var definition = node;
        if (type == "decorated_definition")
        {
            definition = tree.ChildWithField(node, tree.Grammar.FieldId("definition"));
            type = definition < 0 ? type : tree.TypeName(definition);
        }

        if (type is "function_definition" or "class_definition" && definition >= 0)
            return Definition(node, definition, type == "class_definition", scope);

        var span = Span(node);
        if (scope.ModuleScope)
            NamesOf(node, type);
        if (type is "import_statement" or "import_from_statement" or "future_import_statement")
        {
            Import(node, type, span, scope);
            return SyntaxNode.Leaf(NodeKind.Statement, RawKind(node, type), span);
        }

        var inner = type == "try_statement" ? scope with { InTry = true } : scope;
        var blocks = Blocks(node, type, inner);
        return new SyntaxNode(NodeKind.Statement, RawKind(node, type), span, null, blocks);
    }

    private SyntaxNode Definition(int outer, int definition, bool isClass, Scope scope)
    {
        var name = tree.ChildWithField(definition, tree.Grammar.NameField) is var n and >= 0 ? tree.SourceText(n) : "?";
        var span = Span(outer);
        var container = scope.Kind != "function" ? scope.Prefix : scope.Prefix + ".<locals>";
        var symbolKind = isClass ? SymbolKind.Class : scope.Kind == "class" ? SymbolKind.Method : SymbolKind.Function;
        symbols.Add(new Symbol(symbolKind, name, container, span));
        if (scope.ModuleScope)
            AddName(name);

        var qualified = container is null ? name : container + "." + name;
        var inner = new Scope(isClass ? "class" : "function", qualified, ModuleScope: false, scope.InFunction || !isClass, scope.InTry);
        var body = tree.ChildWithField(definition, tree.Grammar.BodyField);
        var children = body < 0 ? ImmutableArray<SyntaxNode>.Empty : Statements(body, inner);
        var isAsync = Kids(definition).Any(c => tree.IsToken(c, "async"));
        var raw = isClass ? "ClassDef" : isAsync ? "AsyncFunctionDef" : "FunctionDef";
        return new SyntaxNode(isClass ? NodeKind.Class : NodeKind.Function, raw, span, name, children);
    }

    private ImmutableArray<SyntaxNode> Blocks(int node, string type, Scope scope)
    {
        var blocks = new List<(string Raw, int Container, SourceSpan? Span)>();
        switch (type)
        {
            case "if_statement":
                blocks.Add(("body", Field(node, "consequence"), null));
                break;
            case "for_statement" or "while_statement" or "with_statement":
                blocks.Add(("body", Field(node, "body"), null));
                break;
            case "try_statement":
                blocks.Add(("body", Field(node, "body"), null));
                break;
            case "match_statement":
                var matchBody = Field(node, "body");
                if (matchBody >= 0)
                {
                    foreach (var clause in Kids(matchBody).Where(c => tree.TypeName(c) == "case_clause"))
                    {
                        var consequence = Field(clause, "consequence");
                        if (consequence >= 0 && StatementChildren(consequence).Any())
                            blocks.Add(("case", consequence, text.Span(tree.Start(clause), End(consequence))));
                    }
                }

                break;
        }

        foreach (var child in Kids(node))
        {
            switch (tree.TypeName(child))
            {
                // After elif clauses the else belongs to the innermost nested If (see ElifChain).
                case "else_clause" when !(type == "if_statement" && Kids(node).Any(c => tree.TypeName(c) == "elif_clause")):
                    blocks.Add(("orelse", Field(child, "body") is var b and >= 0 ? b : LastBlock(child), null));
                    break;
                case "finally_clause":
                    blocks.Add(("finalbody", LastBlock(child), null));
                    break;
                case "except_clause" or "except_group_clause":
                    var handlerBody = LastBlock(child);
                    if (handlerBody >= 0 && StatementChildren(handlerBody).Any())
                        blocks.Add(("handler", handlerBody, Span(child)));
                    break;
            }
        }

        var result = new List<SyntaxNode>();
        foreach (var (raw, container, span) in blocks)
        {
            if (container < 0 || !StatementChildren(container).Any())
                continue;
            var statements = Statements(container, scope);
            var blockSpan = span ?? text.Span(statements[0].Span.Start, statements[^1].Span.Start + statements[^1].Span.Length);
            result.Add(new SyntaxNode(NodeKind.Block, raw, blockSpan, null, statements));
        }

        // elif: CPython's orelse holds a nested If (its body the elif's, its orelse what follows).
        if (type == "if_statement")
        {
            var alternatives = Kids(node).Where(c => tree.TypeName(c) is "elif_clause").ToList();
            if (alternatives.Count > 0)
                result.Add(ElifChain(node, alternatives, scope));
        }

        return result.OrderBy(b => b.Span.Start).ToImmutableArray();
    }

    private SyntaxNode ElifChain(int ifNode, List<int> elifs, Scope scope)
    {
        var first = elifs[0];
        var end = End(ifNode);
        var nestedBlocks = new List<SyntaxNode>();
        var consequence = Field(first, "consequence");
        if (consequence >= 0 && StatementChildren(consequence).Any())
        {
            var statements = Statements(consequence, scope);
            nestedBlocks.Add(new SyntaxNode(NodeKind.Block, "body", text.Span(statements[0].Span.Start, statements[^1].Span.Start + statements[^1].Span.Length), null, statements));
        }

        if (elifs.Count > 1)
        {
            nestedBlocks.Add(ElifChain(ifNode, elifs.Skip(1).ToList(), scope));
        }
        else
        {
            var elseClause = Kids(ifNode).FirstOrDefault(c => tree.TypeName(c) == "else_clause" && c > first);
            if (elseClause > 0 && Field(elseClause, "body") is var body and >= 0 && StatementChildren(body).Any())
            {
                var statements = Statements(body, scope);
                nestedBlocks.Add(new SyntaxNode(NodeKind.Block, "orelse", text.Span(statements[0].Span.Start, statements[^1].Span.Start + statements[^1].Span.Length), null, statements));
            }
        }

        var nested = new SyntaxNode(NodeKind.Statement, "If", text.Span(tree.Start(first), end), null, nestedBlocks.ToImmutableArray());
        return new SyntaxNode(NodeKind.Block, "orelse", nested.Span, null, [nested]);
    }

    private int Field(int node, string field) => tree.ChildWithField(node, tree.Grammar.FieldId(field));

    private int LastBlock(int node) => Kids(node).LastOrDefault(c => tree.TypeName(c) == "block") is var b && b > 0 ? b : -1;

    private string RawKind(int node, string type) => type switch
    {
        "expression_statement" => ExpressionKind(node),
        "import_statement" => "Import",
        "import_from_statement" or "future_import_statement" => "ImportFrom",
        "if_statement" => "If",
        "for_statement" => Kids(node).Any(c => tree.IsToken(c, "async")) ? "AsyncFor" : "For",
        "while_statement" => "While",
        "try_statement" => Kids(node).Any(IsExceptStar) ? "TryStar" : "Try",
        "with_statement" => Kids(node).Any(c => tree.IsToken(c, "async")) ? "AsyncWith" : "With",
        "match_statement" => "Match",
        "return_statement" => "Return",
        "pass_statement" => "Pass",
        "break_statement" => "Break",
        "continue_statement" => "Continue",
        "raise_statement" => "Raise",
        "assert_statement" => "Assert",
        "delete_statement" => "Delete",
        "global_statement" => "Global",
        "nonlocal_statement" => "Nonlocal",
        "type_alias_statement" => "TypeAlias",
        _ => type,
    };

    /// <summary>An <c>except*</c> clause: the older grammar's except_group_clause, or an except_clause with a <c>*</c> token.</summary>
    private bool IsExceptStar(int clause) =>
        tree.TypeName(clause) == "except_group_clause"
        || tree.TypeName(clause) == "except_clause" && Kids(clause).Any(c => !tree.IsNamed(c) && tree.TypeName(c) is "*" or "except*");

    private string ExpressionKind(int node)
    {
        var first = StatementChildren(node).FirstOrDefault();
        return tree.TypeName(first) switch
        {
            "assignment" => Field(first, "type") >= 0 ? "AnnAssign" : "Assign",
            "augmented_assignment" => "AugAssign",
            _ => "Expr",
        };
    }

    // -- top-level names ------------------------------------------------------------------------------------------------

    private void AddName(string name)
    {
        if (nameSet.Add(name))
            names.Add(name);
    }

    private void NamesOf(int node, string type)
    {
        switch (type)
        {
            case "expression_statement":
                foreach (var child in StatementChildren(node))
                {
                    if (tree.TypeName(child) == "assignment")
                        AssignmentNames(child);
                    else if (tree.TypeName(child) == "augmented_assignment")
                    {
                        var left = Field(child, "left");
                        TargetNames(left);
                        if (left >= 0 && tree.SourceText(left) == "__all__")
                            AllEntries(Field(child, "right"));
                    }
                    else if (tree.TypeName(child) == "call")
                        AllCall(child);
                }

                break;
            case "for_statement":
                TargetNames(Field(node, "left"));
                break;
            case "with_statement":
                for (var n = node; n < tree.SubtreeEnd(node); n++)
                {
                    if (tree.TypeName(n) == "block")
                    {
                        n = tree.SubtreeEnd(n) - 1;
                        continue;
                    }

                    if (tree.TypeName(n) == "as_pattern_target")
                        TargetNames(n);
                }

                break;
            case "import_statement":
                foreach (var name in FieldChildren(node, "name"))
                {
                    var (module, alias) = tree.TypeName(name) == "aliased_import"
                        ? (Field(name, "name"), Field(name, "alias"))
                        : (name, -1);
                    if (alias >= 0)
                        AddName(tree.SourceText(alias));
                    else if (module >= 0)
                        AddName(Dotted(module).Split('.')[0]);
                }

                break;
            case "import_from_statement" or "future_import_statement":
                foreach (var name in FieldChildren(node, "name"))
                {
                    if (tree.TypeName(name) == "aliased_import")
                        AddName(tree.SourceText(Field(name, "alias")));
                    else
                        AddName(Dotted(name));
                }

                break;
        }
    }

    private void AssignmentNames(int assignment)
    {
        // a = b = 1 nests: assignment(left a, right assignment(left b, right 1)); x: int (no value) binds nothing.
        while (assignment >= 0 && tree.TypeName(assignment) == "assignment")
        {
            var left = Field(assignment, "left");
            var right = Field(assignment, "right");
            if (right < 0)
                return;
            TargetNames(left);
            if (left >= 0 && tree.SourceText(left) == "__all__")
                AllEntries(right);
            assignment = right;
        }
    }

    private void TargetNames(int target)
    {
        if (target < 0)
            return;
        var pending = new Stack<int>();
        pending.Push(target);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (tree.TypeName(node))
            {
                case "identifier":
                    AddName(tree.SourceText(node));
                    break;
                case "pattern_list" or "tuple_pattern" or "list_pattern" or "expression_list" or "tuple" or "list" or "list_splat_pattern"
                    or "as_pattern_target" or "parenthesized_expression" or "list_splat":
                    foreach (var child in Kids(node).Where(c => tree.IsNamed(c)).Reverse())
                        pending.Push(child);
                    break;
            }
        }
    }

    private void AllEntries(int value)
    {
        if (value < 0 || tree.TypeName(value) is not ("list" or "tuple"))
            return;
        foreach (var element in Kids(value).Where(c => tree.TypeName(c) == "string"))
        {
            if (StringValue(element) is { } entry)
                AddName(entry);
        }
    }

    private void AllCall(int call)
    {
        var function = Field(call, "function");
        if (function < 0 || tree.TypeName(function) != "attribute")
            return;
        var target = Field(function, "object");
        var attribute = tree.SourceText(Field(function, "attribute"));
        if (target < 0 || tree.SourceText(target) != "__all__" || attribute is not ("extend" or "append"))
            return;
        var arguments = Field(call, "arguments");
        var first = arguments < 0 ? -1 : Kids(arguments).FirstOrDefault(c => tree.IsNamed(c) && tree.TypeName(c) != "comment");
        if (first <= 0)
            return;
        if (attribute == "extend")
            AllEntries(first);
        else if (tree.TypeName(first) == "string" && StringValue(first) is { } entry)
            AddName(entry);
    }

    // -- imports --------------------------------------------------------------------------------------------------------

    private void Import(int node, string type, SourceSpan span, Scope scope)
    {
        if (type == "import_statement")
        {
            foreach (var name in FieldChildren(node, "name"))
            {
                var (module, alias) = tree.TypeName(name) == "aliased_import" ? (Field(name, "name"), Field(name, "alias")) : (name, -1);
                if (module < 0)
                    continue;
                imports.Add(new PythonImport(
                    ImportStyle.Import, Dotted(module), 0, ImmutableArray<ImportedName>.Empty, alias >= 0 ? tree.SourceText(alias) : null,
                    span, Span(module), scope.InFunction, scope.InTry));
            }

            return;
        }

        string moduleName;
        int level;
        SourceSpan moduleSpan;
        if (type == "future_import_statement")
        {
            moduleName = "__future__";
            level = 0;
            var futureToken = Kids(node).FirstOrDefault(c => tree.IsToken(c, "__future__"));
            moduleSpan = futureToken > 0 ? Span(futureToken) : span;
        }
        else
        {
            var module = Field(node, "module_name");
            moduleSpan = module >= 0 ? Span(module) : span;
            if (module >= 0 && tree.TypeName(module) == "relative_import")
            {
                var prefix = Kids(module).FirstOrDefault(c => tree.TypeName(c) == "import_prefix");
                level = prefix > 0 ? tree.SourceText(prefix).Count(c => c == '.') : 0;
                var dotted = Kids(module).FirstOrDefault(c => tree.TypeName(c) == "dotted_name");
                moduleName = dotted > 0 ? Dotted(dotted) : "";
            }
            else
            {
                level = 0;
                moduleName = module >= 0 ? Dotted(module) : "";
            }
        }

        var importedNames = ImmutableArray.CreateBuilder<ImportedName>();
        foreach (var name in Kids(node))
        {
            if (tree.TypeName(name) == "wildcard_import")
            {
                importedNames.Add(new ImportedName("*", null, Span(name)));
                continue;
            }

            if (tree.Field(name) != tree.Grammar.FieldId("name"))
                continue;
            if (tree.TypeName(name) == "aliased_import")
                importedNames.Add(new ImportedName(Dotted(Field(name, "name")), tree.SourceText(Field(name, "alias")), Span(name)));
            else
                importedNames.Add(new ImportedName(Dotted(name), null, Span(name)));
        }

        imports.Add(new PythonImport(ImportStyle.From, moduleName, level, importedNames.ToImmutable(), null, span, moduleSpan, scope.InFunction, scope.InTry));
    }

    private void FindStringReferences(int root, bool inFunction, bool inTry)
    {
        var stack = new Stack<(int Node, bool InFunction, bool InTry)>();
        stack.Push((root, inFunction, inTry));
        while (stack.Count > 0)
        {
            var (node, function, inside) = stack.Pop();
            var type = tree.TypeName(node);
            if (type == "call")
                Call(node, function, inside);
            var bodyField = type is "function_definition" or "lambda" ? tree.Grammar.BodyField : (ushort)0;
            var childTry = inside || type == "try_statement";
            foreach (var child in Kids(node))
                stack.Push((child, function || (bodyField != 0 && tree.Field(child) == bodyField), childTry));
        }
    }

    private void Call(int call, bool inFunction, bool inTry)
    {
        var function = Field(call, "function");
        var callee = function < 0 ? null : DottedExpression(function);
        if (callee is null)
            return;
        ImportStyle style;
        string keyword;
        if (ImportModuleCalls.Contains(callee))
            (style, keyword) = (ImportStyle.ImportModuleCall, "name");
        else if (DunderImportCalls.Contains(callee))
            (style, keyword) = (ImportStyle.DunderImport, "name");
        else if (PatchCalls.Contains(callee))
            (style, keyword) = (ImportStyle.MockPatch, callee.EndsWith(".dict", StringComparison.Ordinal) ? "in_dict" : "target");
        else
            return;

        var arguments = Field(call, "arguments");
        if (arguments < 0)
            return;
        var positional = Kids(arguments).FirstOrDefault(c => tree.IsNamed(c) && tree.TypeName(c) is not ("comment" or "keyword_argument"));
        var argument = positional > 0 ? positional : -1;
        if (argument < 0)
        {
            foreach (var child in Kids(arguments).Where(c => tree.TypeName(c) == "keyword_argument"))
            {
                if (tree.SourceText(Field(child, "name")) == keyword)
                    argument = Field(child, "value");
            }
        }

        if (argument < 0 || tree.TypeName(argument) != "string" || StringValue(argument) is not { } value || ContentSpan(argument) is not { } content)
            return;
        imports.Add(new PythonImport(style, value, 0, ImmutableArray<ImportedName>.Empty, null, Span(call), content, inFunction, inTry));
    }

    // -- helpers --------------------------------------------------------------------------------------------------------

    private List<int> Kids(int node)
    {
        var kids = new List<int>();
        foreach (var child in tree.Children(node))
            kids.Add(child);
        return kids;
    }

    private IEnumerable<int> FieldChildren(int node, string field)
    {
        var id = tree.Grammar.FieldId(field);
        return Kids(node).Where(c => id != 0 && tree.Field(c) == id);
    }

    /// <summary>A dotted_name (or identifier) as ast spells it: the identifiers joined by dots, no white space.</summary>
    private string Dotted(int node)
    {
        if (node < 0)
            return "";
        if (tree.TypeName(node) != "dotted_name")
            return tree.SourceText(node);
        return string.Join(".", Kids(node).Where(c => tree.TypeName(c) == "identifier").Select(c => tree.SourceText(c)));
    }

    /// <summary>a.b.c for a chain of attributes on a name; null for anything else (a call, a subscript).</summary>
    private string? DottedExpression(int node)
    {
        var parts = new List<string>();
        while (tree.TypeName(node) == "attribute")
        {
            parts.Add(tree.SourceText(Field(node, "attribute")));
            node = Field(node, "object");
            if (node < 0)
                return null;
        }

        if (tree.TypeName(node) != "identifier")
            return null;
        parts.Add(tree.SourceText(node));
        parts.Reverse();
        return string.Join(".", parts);
    }

    /// <summary>A plain str literal's value (no f-string, no bytes, no interpolation); escapes are kept as written.</summary>
    private string? StringValue(int node)
    {
        var start = Kids(node).FirstOrDefault(c => tree.TypeName(c) == "string_start");
        if (start <= 0)
            return null;
        var prefix = tree.SourceText(start).TrimEnd('\'', '"').ToLowerInvariant();
        if (prefix.Contains('f') || prefix.Contains('b') || prefix.Contains('t'))
            return null;
        if (Kids(node).Any(c => tree.TypeName(c) == "interpolation"))
            return null;
        return string.Concat(Kids(node).Where(c => tree.TypeName(c) is "string_content").Select(c => tree.SourceText(c)));
    }

    private SourceSpan? ContentSpan(int node)
    {
        var start = Kids(node).FirstOrDefault(c => tree.TypeName(c) == "string_start");
        var end = Kids(node).LastOrDefault(c => tree.TypeName(c) == "string_end");
        return start > 0 && end > 0 ? text.Span(tree.End(start), Math.Max(tree.End(start), tree.Start(end))) : null;
    }

    private SourceSpan Span(int node) => text.Span(tree.Start(node), End(node));

    /// <summary>Where a node's code ends: trailing comments inside a block (tree-sitter keeps them there) do not count.</summary>
    private int End(int node)
    {
        while (true)
        {
            var last = -1;
            foreach (var child in Kids(node))
            {
                if (tree.TypeName(child) is not "comment" && tree.End(child) > tree.Start(child))
                    last = child;
            }

            if (last < 0)
                return tree.End(node);
            if (tree.End(last) < tree.End(node) && !HasTrailingComment(node, last))
                return tree.End(node);
            node = last;
        }
    }

    private bool HasTrailingComment(int node, int last) =>
        Kids(node).Any(c => c > last && tree.TypeName(c) == "comment");
}
