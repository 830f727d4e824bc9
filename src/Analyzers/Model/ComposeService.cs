using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>A compose service and the keys the rules and references need, each with its location.</summary>
public sealed record ComposeService(
    string Name,
    SourceSpan NameSpan,
    SourceSpan Span,
    ComposeScalar? Image,
    ComposeBuild? Build,
    ImmutableArray<ComposeVolume> Volumes,
    ComposeScalar? Privileged,
    ComposeScalar? Pid,
    ComposeScalar? NetworkMode,
    ComposeScalar? Ipc,
    ComposeScalar? User,
    ComposeResources Resources,
    ImmutableArray<ComposeScalar> EnvFiles,
    ComposeScalar? ExtendsFile,
    ComposeScalar? ExtendsService);
