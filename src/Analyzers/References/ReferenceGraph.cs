using System.Collections.Immutable;

namespace Consolidate.Analyzers.References;

/// <summary>
/// Every reference of the repository, with indexes by source and by target, the build contexts found on the way, and
/// transitive queries (what reaches a file within N steps).
/// </summary>
public sealed class ReferenceGraph
{
    private readonly ILookup<string, Reference> byTarget;
    private readonly ILookup<string, Reference> bySource;

    public ReferenceGraph(ImmutableArray<Reference> references, ImmutableArray<BuildContext> contexts)
    {
        References = references;
        Contexts = contexts;
        byTarget = references.Where(r => r.Resolved).ToLookup(r => r.Target, StringComparer.Ordinal);
        bySource = references.ToLookup(r => r.Source, StringComparer.Ordinal);
    }

    public static ReferenceGraph Empty { get; } = new(ImmutableArray<Reference>.Empty, ImmutableArray<BuildContext>.Empty);

    public ImmutableArray<Reference> References { get; }

    public ImmutableArray<BuildContext> Contexts { get; }

    public IEnumerable<Reference> To(string target) => byTarget[target];

    public IEnumerable<Reference> From(string source) => bySource[source];

    /// <summary>Resolved references into a file, or into a folder that contains it (a COPY of a whole folder).</summary>
    public int CountInto(string path) =>
        byTarget[path].Count() + Enumerable.Range(0, path.Count(c => c == '/')).Sum(i => byTarget[Ancestor(path, i + 1)].Count());

    /// <summary>References reaching <paramref name="target"/> within <paramref name="depth"/> steps, breadth first, each once.</summary>
    public IReadOnlyList<(Reference Reference, int Depth)> Into(string target, int depth)
    {
        var result = new List<(Reference, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { target };
        var frontier = new List<string> { target };
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var reference in byTarget[node])
                {
                    result.Add((reference, level));
                    if (seen.Add(reference.Source))
                        next.Add(reference.Source);
                }
            }

            frontier = next;
        }

        return result;
    }

    /// <summary>References leaving <paramref name="source"/> and, transitively, the files they resolve to.</summary>
    public IReadOnlyList<(Reference Reference, int Depth)> OutOf(string source, int depth)
    {
        var result = new List<(Reference, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { source };
        var frontier = new List<string> { source };
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var reference in bySource[node])
                {
                    result.Add((reference, level));
                    if (reference.Resolved && seen.Add(reference.Target))
                        next.Add(reference.Target);
                }
            }

            frontier = next;
        }

        return result;
    }

    private static string Ancestor(string path, int levels)
    {
        var result = path;
        for (var i = 0; i < levels && result.Contains('/'); i++)
            result = result[..result.LastIndexOf('/')];
        return result;
    }
}
