using CsCheck;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// Generators of Python sources built from a grammar of tokens, for differential tests of tokenizers: names (ASCII,
/// non-ASCII, soft keywords, Python 2 words), hard keywords, every number form, strings with every prefix, quote and
/// escape, f-strings with nested fields, conversions, format specs and same-quote strings inside (3.12), operators,
/// comments, backslash continuations, tabs, form feeds, a BOM, and LF, CRLF or CR line breaks. <see cref="File"/> makes
/// mostly valid Python (statements, blocks, decorators, match, type aliases), so tree-sitter parses most samples
/// without error; <see cref="Soup"/> makes token soup, mostly invalid.
/// </summary>
internal static class GeneratedPython
{
    private static readonly Gen<string> Name = Gen.OneOf(
        "x", "y", "value_1", "_", "__init__", "self", "café", "näme", "𝔘nicode", "x·y", "℘", "Ａ", "match", "case", "type",
        "print", "exec", "rb", "f", "u", "bar", "Rb_x", "fr", "t", "T1", "__future__", "ünïcödé", "ǅ", "ʰ", "ⅷ");

    private static readonly Gen<string> Number = Gen.OneOf(
        "0", "1", "42", "1_000_000", "0x_1F", "0XFF", "0xdead_beef", "0o17", "0O7_7", "0b1010", "0B1_0", "1.5", "1.", ".5",
        "1e10", "1E-5", "1.5e+3", "1_0.0_1e1_0", "2j", "1.5J", "1e5j", ".5j", "00", "0_0", "10L", "0xFFl", "0777", "3.14_15",
        "1_.5", "0.", "9.e9");

    private static readonly Gen<string> Keyword = Gen.OneOf("True", "False", "None", "...");

    private static readonly Gen<string> BinaryOperator = Gen.OneOf(
        "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "and", "or", "==", "!=", "<", ">", "<=", ">=",
        "is", "is not", "in", "not in", "<>");

    private static readonly Gen<string> AugmentedOperator = Gen.OneOf(
        "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "<<=", ">>=", "&=", "|=", "^=");

    private static readonly Gen<string> StringPrefix = Gen.OneOf(
        "", "", "", "r", "R", "b", "B", "u", "U", "rb", "bR", "Rb", "BR", "br");

    private static readonly Gen<string> FormatPrefix = Gen.OneOf("f", "F", "fr", "rf", "Rf", "fR", "t", "T", "tr", "Rt");

    private static readonly Gen<string> Quote = Gen.OneOf("'", "\"", "'''", "\"\"\"");

    private static readonly Gen<string> Comment = Gen.OneOf(
        "# comment", "#", "# é 😀 'quote' \"\"\" {brace}", "# type: ignore", "#!shebang-like", "# consolidate-disable-next-line CONS201", "#\t tab");

    private static readonly Gen<string> FormatSpec = Gen.OneOf(
        ">10", "x", "#x", ".2f", "{w}", "{w}.{p}", "0{width}d", "%Y-%m-%d", "^{n}", ",", "_", "=^30", "!<5", " ", "{x!r}");

    private static readonly Gen<string> Newline = Gen.OneOf("\n", "\n", "\n", "\r\n", "\r");

    private static readonly Gen<string>[] Expressions = BuildExpressions(3);

    /// <summary>An expression of nesting depth up to 3.</summary>
    public static Gen<string> Expression => Expressions[^1];

    /// <summary>A whole file: statements and blocks, one line-break style (or a mix), spaces or tabs, maybe a BOM.</summary>
    public static Gen<string> File { get; } =
        Gen.Select(
            Gen.OneOf("    ", "  ", "\t"),
            Gen.OneOf("\n", "\n", "\r\n", "\r", "mixed"),
            Gen.Frequency((9, Gen.Const("")), (1, Gen.Const("\uFEFF"))),
            Statement(2).Array[1, 8],
            Gen.Int[0, int.MaxValue])
        .Select((indent, newline, bom, statements, seed) => bom + Join(statements, indent, newline, seed));

    /// <summary>Token soup: grammar tokens and stray characters in any order (mostly invalid Python).</summary>
    public static Gen<string> Soup { get; } =
        Gen.OneOf(
            Name, Number, Keyword, BinaryOperator, AugmentedOperator, Comment, Expressions[0], Expressions[1],
            Gen.OneOf(
                "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "->", ":=", "~", "def", "class", "if", "else", "lambda",
                "from", "import", "async", "await", "$", "?", "!", "`", "\\", "\\\n", "\0", "\uFEFF", "\u00A0", "€", "'", "\"",
                "'''", "f\"", "{{", "}}", "!r", "\t", "\f", "\v", "\x1c", "\u2028", "٣", "\uD800", "😀"),
            Newline,
            Gen.Const(" "))
        .Array[0, 40]
        .Select(string.Concat);

    private static Gen<string>[] BuildExpressions(int depth)
    {
        var levels = new Gen<string>[depth + 1];
        levels[0] = Gen.Frequency((4, Name), (3, Number), (1, Keyword), (3, StringLiteral(null)));
        for (var level = 1; level <= depth; level++)
        {
            var inner = levels[level - 1];
            levels[level] = Gen.Frequency(
                (6, inner),
                (3, Gen.Select(inner, BinaryOperator, inner, (a, op, b) => $"{a} {op} {b}")),
                (1, Gen.Select(Gen.OneOf("-", "+", "~", "not ", "await "), inner, (op, a) => op + a)),
                (2, inner.Select(a => $"({a})")),
                (2, inner.Array[0, 3].Select(items => $"[{string.Join(", ", items)}]")),
                (1, Gen.Select(inner, inner, (k, v) => $"{{{k}: {v}}}")),
                (1, inner.Array[0, 3].Select(items => $"{{{string.Join(", ", items)}{(items.Length == 0 ? "" : ",")}}}")),
                (2, Gen.Select(Name, inner.Array[0, 3], (f, args) => $"{f}({string.Join(", ", args)})")),
                (1, Gen.Select(Name, inner, (f, arg) => $"{f}(*{arg}, key={arg}, **{arg})")),
                (1, Gen.Select(inner, Name, (a, attribute) => $"({a}).{attribute}")),
                (1, Gen.Select(Name, inner, inner, (a, i, j) => $"{a}[{i}:{j}, ::-1, ...]")),
                (1, Gen.Select(inner, inner, inner, (a, c, b) => $"{a} if {c} else {b}")),
                (1, Gen.Select(Name, inner, (p, body) => $"(lambda {p}, *a, k=1: {body})")),
                (1, Gen.Select(Name, inner, (n, v) => $"({n} := {v})")),
                (1, Gen.Select(inner, Name, inner, (e, v, it) => $"[{e} for {v} in {it} if {v}]")),
                (2, StringLiteral(inner)),
                (1, Gen.Select(StringLiteral(inner), StringLiteral(inner), (a, b) => $"{a} {b}")),
                (1, Gen.Select(inner, inner, (a, b) => $"({a} +\n {b})")),
                (1, Gen.Select(inner, inner, (a, b) => $"({a},  # why\n {b})")));
        }

        return levels;
    }

    /// <summary>Plain and byte strings always; f- and t-strings with fields when <paramref name="field"/> is given.</summary>
    private static Gen<string> StringLiteral(Gen<string>? field)
    {
        var plain = Gen.Select(StringPrefix, Quote, Gen.Int[0, 5], Gen.Int[0, int.MaxValue], (prefix, quote, parts, seed) => Plain(prefix, quote, parts, seed));
        if (field is null)
            return plain;
        var formatted = Gen.Select(
            FormatPrefix,
            Quote,
            Gen.Select(field, Gen.OneOf("", "", "", "=", " = "), Gen.OneOf("", "", "!r", "!s", "!a"), Gen.Frequency((2, Gen.Const("")), (1, FormatSpec)))
                .Array[0, 3],
            Gen.Int[0, int.MaxValue],
            (prefix, quote, fields, seed) => Formatted(prefix, quote, fields, seed));
        return Gen.Frequency((2, plain), (3, formatted));
    }

    private static string Plain(string prefix, string quote, int parts, int seed)
    {
        var random = new Random(seed);
        var body = new System.Text.StringBuilder();
        for (var part = 0; part < parts; part++)
            body.Append(ContentPart(prefix, quote, random, formatted: false));
        return prefix + quote + body + quote;
    }

    private static string Formatted(string prefix, string quote, (string Expression, string Debug, string Conversion, string Spec)[] fields, int seed)
    {
        var random = new Random(seed);
        var body = new System.Text.StringBuilder();
        foreach (var (expression, debug, conversion, spec) in fields)
        {
            body.Append(ContentPart(prefix, quote, random, formatted: true));
            // "{{" would be an escaped brace: a field starting with a set or dict needs a space.
            var padded = expression.StartsWith('{') ? " " + expression + " " : expression;
            // A field of a one-line string stays on one line (the generated parenthesized forms may break lines).
            if (quote.Length == 1)
                padded = padded.Replace("  # why\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
            body.Append('{').Append(padded).Append(debug).Append(conversion).Append(spec.Length == 0 ? "" : ":" + spec).Append('}');
        }

        body.Append(ContentPart(prefix, quote, random, formatted: true));
        return prefix + quote + body + quote;
    }

    private static string ContentPart(string prefix, string quote, Random random, bool formatted)
    {
        var raw = prefix.Contains('r', StringComparison.OrdinalIgnoreCase);
        var other = quote[0] == '"' ? "'" : "\"";
        var options = new List<string>
        {
            "", "abc", " ", "é", "😀", "#not a comment", other, "\\\\", "\\" + quote[0], "\\n", "\\t", "\\x41", "\\101", "\\u00e9",
            "\\N{EM DASH}", "\\d", "\\\n", "\\\r\n", "a\\\nb", "tab\there", "\f",
        };
        if (formatted)
            options.AddRange(["{{", "}}", "{{literal}}"]);
        else
            options.AddRange(["{", "}", "{x}"]);
        if (quote.Length == 3)
            options.AddRange(["\n", "line\r\nbreak", quote[0] + "x", quote[0] + quote[..1] + "x", other + other + other]);
        if (raw)
            options.Remove("\\N{EM DASH}");
        return options[random.Next(options.Count)];
    }

    private static Gen<string> Statement(int depth)
    {
        var e = Expression;
        var simple = Gen.Frequency(
            (6, Gen.Select(Name, AugmentedOperator, e, (n, op, v) => $"{n} {op} {v}")),
            (2, e),
            (1, Gen.Select(Name, Name, e, (a, b, v) => $"{a}, {b} = {v}")),
            (1, Gen.Select(Name, e, e, (n, t, v) => $"{n}: {t} = {v}")),
            (1, Gen.OneOf(
                "import os", "import a.b as c, d", "from . import x", "from .. import y", "from ... import z", "from .... pkg import (a,\n    b)",
                "from ....pkg.mod import *", "from __future__ import annotations", "from . . import w", "pass", "break", "continue",
                "global g", "nonlocal n", "del x, y[0]", "raise ValueError('bad') from None", "print >>f, x", "print \"py2\"",
                "exec code in ns", "type X = int", "type Point[T] = tuple[T, T]", "x = 1; y = 2;", "assert x, 'msg'",
                "x = 1 + \\\n    2", "x = [1,\n     2]  # comment", "yield", "return")),
            (2, e.Select(v => "return " + v)),
            (1, e.Select(v => "yield from " + v)),
            (1, Gen.Select(e, Comment, (v, c) => $"x = {v}  {c}")),
            (1, Comment));
        if (depth == 0)
            return simple;

        var body = Statement(depth - 1).Array[1, 3].Select(lines => string.Join("\n", lines));
        return Gen.Frequency(
            (6, simple),
            (1, Gen.Select(e, body, body, (c, a, b) => $"if {c}:\n{Indent(a)}\nelif {c}:\n{Indent(b)}\nelse:\n{Indent(a)}")),
            (1, Gen.Select(Name, e, body, (v, it, b) => $"for {v} in {it}:\n{Indent(b)}")),
            (1, Gen.Select(e, body, (c, b) => $"while {c}:\n{Indent(b)}")),
            (1, Gen.Select(e, Name, body, (c, n, b) => $"with {c} as {n}, open(p) as h:\n{Indent(b)}")),
            (1, Gen.Select(body, body, (a, b) => $"try:\n{Indent(a)}\nexcept (TypeError, ValueError) as error:\n{Indent(b)}\nfinally:\n{Indent(a)}")),
            (1, Gen.Select(Name, e, body, (n, d, b) => $"@decorator({d})\ndef {n}(a, /, b=1, *args, c, **kw) -> T:\n{Indent(b)}")),
            (1, Gen.Select(Name, body, (n, b) => $"async def {n}():\n{Indent("async with lock as held:\n" + Indent("await held"))}\n{Indent(b)}")),
            (1, Gen.Select(Name, body, (n, b) => $"class {n}(Base, metaclass=Meta):\n{Indent("\"\"\"Doc.\"\"\"")}\n{Indent(b)}")),
            (1, Gen.Select(e, body, (subject, b) => $"match {subject}:\n{Indent($"case [a, *rest] if a:\n{Indent(b)}\ncase {{'k': v}} | Point(x=0):\n{Indent("pass")}\ncase _:\n{Indent(b)}")}")));
    }

    /// <summary>Indents with a marker the file's own indent replaces.</summary>
    private static string Indent(string block) => "\u0001" + block.Replace("\n", "\n\u0001", StringComparison.Ordinal);

    /// <summary>Lines joined by <paramref name="newline"/> (or a random mix), indent markers made real, a final break or none.</summary>
    private static string Join(string[] statements, string indent, string newline, int seed)
    {
        var random = new Random(seed);
        var text = string.Join("\n", statements).Replace("\u0001", indent, StringComparison.Ordinal);
        var builder = new System.Text.StringBuilder(text.Length + 16);
        string[] styles = ["\n", "\r\n", "\r"];
        foreach (var c in text)
        {
            if (c != '\n')
            {
                builder.Append(c);
                continue;
            }

            builder.Append(newline == "mixed" ? styles[random.Next(3)] : newline);
            if (random.Next(20) == 0)
                builder.Append('\f');
        }

        if (random.Next(4) != 0)
            builder.Append(newline == "mixed" ? "\n" : newline);
        return builder.ToString();
    }
}
