using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// A worker's answer to one parse request, as sent: positions are 1-based lines and 0-based code-point columns of the
/// text as CPython decoded it. <see cref="PythonModelBuilder"/> turns them into UTF-16 spans of the scanner's text.
/// <see cref="Tokens"/> is null when the request asked for none (the frontend has them from tree-sitter).
/// </summary>
internal sealed record PythonParseReply(
    bool Ok,
    WireIssue? Error,
    ImmutableArray<WireIssue> Notes,
    ImmutableArray<WireToken>? Tokens,
    ImmutableArray<WireNode> Nodes,
    ImmutableArray<WireSymbol> Symbols,
    ImmutableArray<WireImport> Imports,
    ImmutableArray<string> Names);

/// <summary>A position range on the wire: 1-based lines, 0-based code-point columns, end exclusive.</summary>
internal readonly record struct WireSpan(int StartLine, int StartColumn, int EndLine, int EndColumn);

internal sealed record WireIssue(int Line, int Column, string Message);

internal readonly record struct WireToken(TokenKind Kind, WireSpan Span);

/// <summary>A tree node in pre-order; <see cref="Parent"/> indexes an earlier node (-1 for the module).</summary>
internal sealed record WireNode(NodeKind Kind, string RawKind, string? Name, WireSpan Span, int Parent);

internal sealed record WireSymbol(SymbolKind Kind, string Name, string? Container, WireSpan Span);

internal sealed record WireImportedName(string Name, string? Alias, WireSpan Span);

internal sealed record WireImport(
    ImportStyle Style,
    string Module,
    int Level,
    ImmutableArray<WireImportedName> Names,
    string? Alias,
    WireSpan Span,
    WireSpan ModuleSpan,
    bool InFunction,
    bool InTry);
