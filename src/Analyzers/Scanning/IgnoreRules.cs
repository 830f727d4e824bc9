using System.Collections.Immutable;

namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// The ignore rules in force for one folder: its own .gitignore on top of its parent's rules, as git stacks them.
/// Within one file the last matching pattern wins; a deeper file decides before a shallower one;
/// <c>.git/info/exclude</c> is the lowest level.
/// </summary>
public sealed class IgnoreRules
{
    private readonly IgnoreRules? parent;
    private readonly ImmutableArray<IgnorePattern> patterns;

    private IgnoreRules(IgnoreRules? parent, ImmutableArray<IgnorePattern> patterns)
    {
        this.parent = parent;
        this.patterns = patterns;
    }

    public static IgnoreRules Empty { get; } = new(null, ImmutableArray<IgnorePattern>.Empty);

    public static ImmutableArray<IgnorePattern> ParseFile(string content, string baseDirectory, string source)
    {
        var builder = ImmutableArray.CreateBuilder<IgnorePattern>();
        var lineNumber = 0;
        foreach (var line in content.Split('\n'))
        {
            lineNumber++;
            var pattern = IgnorePattern.Parse(line, baseDirectory, source, lineNumber);
            if (pattern is not null)
                builder.Add(pattern);
        }

        return builder.ToImmutable();
    }

    public IgnoreRules With(ImmutableArray<IgnorePattern> more) => more.IsEmpty ? this : new IgnoreRules(this, more);

    /// <summary>True when git would ignore the path (the caller never asks for paths inside an ignored folder).</summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        var fileName = path.AsSpan(path.LastIndexOf('/') + 1);
        for (var rules = this; rules is not null; rules = rules.parent)
        {
            for (var i = rules.patterns.Length - 1; i >= 0; i--)
            {
                var pattern = rules.patterns[i];
                if (pattern.Matches(path, fileName, isDirectory))
                    return !pattern.Negated;
            }
        }

        return false;
    }
}
