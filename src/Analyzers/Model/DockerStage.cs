using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>A build stage: FROM and the instructions up to the next FROM. <see cref="BaseImage"/> is the FROM image as written.</summary>
public sealed record DockerStage(int Index, string? Name, string BaseImage, string? Platform, SourceSpan FromSpan, SourceSpan Span, ImmutableArray<DockerInstruction> Instructions)
{
    /// <summary>The user of the last USER instruction in this stage (without a ":group" part), or null when none.</summary>
    public string? LastUser
    {
        get
        {
            var user = Instructions.LastOrDefault(i => i.Keyword == "USER")?.Arguments.Trim();
            if (string.IsNullOrEmpty(user))
                return null;
            var colon = user.IndexOf(':');
            return colon >= 0 ? user[..colon] : user;
        }
    }
}
