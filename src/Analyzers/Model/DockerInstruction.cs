using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// One Dockerfile instruction. <see cref="Keyword"/> is upper case. <see cref="Arguments"/> is the text after the
/// flags with line continuations (and comment lines inside them) removed. <see cref="ExecForm"/> holds the decoded
/// JSON array for exec form, else is default. <see cref="Shell"/> holds the facts of a shell-form RUN/CMD/ENTRYPOINT
/// body and heredoc bodies, with spans in this Dockerfile. <see cref="OnBuild"/> is the wrapped instruction of ONBUILD.
/// </summary>
public sealed record DockerInstruction(
    string Keyword,
    ImmutableArray<DockerFlag> Flags,
    string Arguments,
    SourceSpan ArgumentsSpan,
    ImmutableArray<string> ExecForm,
    ImmutableArray<DockerHeredoc> Heredocs,
    SourceSpan Span,
    ShellFacts? Shell = null,
    DockerInstruction? OnBuild = null)
{
    public bool IsExecForm => !ExecForm.IsDefault;

    public string? Flag(string name) => Flags.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
