using System.Collections.Immutable;
using System.Globalization;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>Collects one stage while the file is read: its FROM, its instructions and nodes, and the shell RUN uses.</summary>
internal sealed class StageBuilder(int index, string? name, string baseImage, string? platform, DockerInstruction from, bool posixShell)
{
    private readonly List<DockerInstruction> instructions = [from];
    private readonly List<SyntaxNode> nodes = [];

    public int Index => index;

    public string? Name => name;

    public string BaseImage => baseImage;

    /// <summary>Whether shell-form commands run in a POSIX shell (false after SHELL ["powershell", ...] and the like).</summary>
    public bool PosixShell { get; set; } = posixShell;

    public void Add(DockerInstruction instruction, SyntaxNode? node)
    {
        if (!ReferenceEquals(instruction, from))
            instructions.Add(instruction);
        if (node is not null)
            nodes.Add(node);
    }

    public DockerStage Build(SourceText text)
    {
        var span = text.Span(from.Span.Start, instructions[^1].Span.End);
        return new DockerStage(index, name, baseImage, platform, from.Span, span, instructions.ToImmutableArray());
    }

    public SyntaxNode Node(SourceText text) =>
        new(NodeKind.Stage, "stage", text.Span(from.Span.Start, instructions[^1].Span.End), SymbolName, nodes.ToImmutableArray());

    /// <summary>The stage name, or its index when it has none.</summary>
    public string SymbolName => name ?? index.ToString(CultureInfo.InvariantCulture);
}
