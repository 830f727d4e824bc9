using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>Shell facts: simple commands, assignments and heredocs, each in source order.</summary>
public sealed record ShellFacts(ImmutableArray<ShellCommand> Commands, ImmutableArray<ShellAssignment> Assignments, ImmutableArray<ShellHeredoc> Heredocs) : LanguageFacts
{
    public static ShellFacts Empty { get; } = new(ImmutableArray<ShellCommand>.Empty, ImmutableArray<ShellAssignment>.Empty, ImmutableArray<ShellHeredoc>.Empty);
}
