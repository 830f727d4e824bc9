using System.Collections.Immutable;

namespace Consolidate.Rewriters;

/// <summary>One change family: a pure function from the model to a <see cref="ChangeSet"/>. No IO, no clock.</summary>
public interface IRewriter
{
    /// <summary>The family name used in patch file names and <c>--only</c> (kebab-case).</summary>
    string Family { get; }

    ImmutableArray<string> RuleIds { get; }

    ChangeSet Rewrite(FixContext context, CancellationToken cancellationToken);
}
