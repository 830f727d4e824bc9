using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.References;

/// <summary>
/// Evaluates shell words that name files, statically and without guessing: literals, the script's own folder
/// (<c>$(dirname "$0")</c> and its variants), variables assigned earlier to such values (<c>SCRIPT_DIR=...</c>), and
/// paths under a configured install root (<c>/opt/app/scripts/x.sh</c> is <c>scripts/x.sh</c>). Anything else — a
/// variable from the environment, a command substitution — makes the word unknowable.
/// </summary>
internal sealed class ShellPathEvaluator
{
    private readonly string scriptDirectory;
    private readonly ImmutableArray<string> installRoots;
    private readonly Dictionary<string, ShellAssignment> latest = new(StringComparer.Ordinal);

    public ShellPathEvaluator(string scriptDirectory, ImmutableArray<string> installRoots)
    {
        this.scriptDirectory = scriptDirectory;
        this.installRoots = installRoots;
    }

    /// <summary>Records an assignment so later words see it (call in source order).</summary>
    public void Assign(ShellAssignment assignment) => latest[assignment.Name] = assignment;

    public EvaluatedPath Evaluate(ShellWord word) => Evaluate(word, depth: 0);

    private EvaluatedPath Evaluate(ShellWord word, int depth)
    {
        var text = new System.Text.StringBuilder();
        var anchor = PathAnchor.WorkingDirectory;
        for (var i = 0; i < word.Parts.Length; i++)
        {
            var part = word.Parts[i];
            switch (part.Kind)
            {
                case ShellWordPartKind.Literal:
                    text.Append(part.Text);
                    break;
                case ShellWordPartKind.ScriptDirectory when text.Length == 0:
                    anchor = PathAnchor.ScriptDirectory;
                    break;
                case ShellWordPartKind.Variable when depth < 4 && latest.TryGetValue(part.Text, out var assignment) && assignment.Value is { } value:
                {
                    var inner = Evaluate(value, depth + 1);
                    if (inner.Unknowable is not null)
                        return inner;
                    if (text.Length == 0)
                        anchor = inner.Anchor;
                    else if (inner.Anchor != PathAnchor.WorkingDirectory)
                        return EvaluatedPath.Unknown($"'{word.Text}' joins a folder into the middle of a path");
                    text.Append(inner.Path);
                    break;
                }

                case ShellWordPartKind.Variable:
                    return EvaluatedPath.Unknown($"'{word.Text}' depends on ${part.Text}, which is not assigned a known value in this script");
                default:
                    return EvaluatedPath.Unknown($"'{word.Text}' is built at run time ({part.Kind.ToString().ToLowerInvariant()})");
            }
        }

        var path = text.ToString();
        if (anchor == PathAnchor.ScriptDirectory)
            return new EvaluatedPath(path.TrimStart('/'), PathAnchor.ScriptDirectory, null);
        if (path.StartsWith('/'))
        {
            foreach (var root in installRoots)
            {
                var prefix = root.TrimEnd('/');
                if (path == prefix)
                    return new EvaluatedPath("", PathAnchor.Repository, null);
                if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
                    return new EvaluatedPath(path[(prefix.Length + 1)..], PathAnchor.Repository, null);
            }

            return new EvaluatedPath(path, PathAnchor.System, null);
        }

        return new EvaluatedPath(path, anchor, null);
    }

    /// <summary>Where a relative path starts: the script's folder, the repository root, the (unknown) working folder.</summary>
    public string? Base(PathAnchor anchor) => anchor switch
    {
        PathAnchor.ScriptDirectory => scriptDirectory,
        PathAnchor.Repository => "",
        _ => null,
    };
}

/// <summary>What a path word is relative to.</summary>
internal enum PathAnchor
{
    WorkingDirectory,
    ScriptDirectory,
    Repository,
    System,
}

/// <summary>A statically evaluated path, or why it cannot be.</summary>
internal sealed record EvaluatedPath(string Path, PathAnchor Anchor, string? Unknowable)
{
    public static EvaluatedPath Unknown(string why) => new("", PathAnchor.WorkingDirectory, why);
}
