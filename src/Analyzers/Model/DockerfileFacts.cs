using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// Dockerfile facts: parser directives (<c># syntax=</c>, <c># escape=</c>, lower-cased names), ARGs before the first
/// FROM, and the stages in order. The last stage is the image that runs.
/// </summary>
public sealed record DockerfileFacts(
    ImmutableDictionary<string, string> Directives,
    ImmutableArray<DockerInstruction> GlobalArgs,
    ImmutableArray<DockerStage> Stages) : LanguageFacts
{
    public DockerStage? FinalStage => Stages.IsDefaultOrEmpty ? null : Stages[^1];
}
