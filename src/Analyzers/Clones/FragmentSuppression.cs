namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Drops fragment classes that say nothing new. A fragment class whose members lie in distinct files that are all
/// members of one file-scope class is the same fragment seen through the file copies. A fragment class whose members
/// lie inside distinct members of one bigger fragment class (methods of a duplicated class, statements of a
/// duplicated function) is covered by that class: the biggest is reported. When two classes cover exactly the same
/// lines, a function, class or stage wins over a statement run, then the earlier class.
/// </summary>
internal static class FragmentSuppression
{
    public static List<CloneClassDraft> Apply(IReadOnlyList<CloneClassDraft> fileClasses, IReadOnlyList<CloneClassDraft> fragments)
    {
        var fileClassOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < fileClasses.Count; c++)
            foreach (var member in fileClasses[c].Members)
                fileClassOf[member.Member.Path] = c;

        var byPath = new Dictionary<string, List<(int Class, int Member)>>(StringComparer.Ordinal);
        for (var c = 0; c < fragments.Count; c++)
        {
            for (var m = 0; m < fragments[c].Members.Count; m++)
            {
                var path = fragments[c].Members[m].Member.Path;
                if (!byPath.TryGetValue(path, out var list))
                    byPath[path] = list = [];
                list.Add((c, m));
            }
        }

        var kept = new List<CloneClassDraft>();
        for (var c = 0; c < fragments.Count; c++)
        {
            if (!SeenThroughFileCopies(fragments[c], fileClassOf) && !CoveredByBiggerClass(c))
                kept.Add(fragments[c]);
        }

        return kept;

        bool CoveredByBiggerClass(int inner)
        {
            var first = fragments[inner].Members[0].Member;
            foreach (var (outer, member) in byPath[first.Path])
            {
                if (outer != inner && Contains(outer, fragments[outer].Members[member].Member, inner, first) && InsideDistinctMembers(outer, inner))
                    return true;
            }

            return false;
        }

        bool InsideDistinctMembers(int outer, int inner)
        {
            var used = new bool[fragments[outer].Members.Count];
            foreach (var member in fragments[inner].Members)
            {
                var found = false;
                for (var m = 0; m < used.Length && !found; m++)
                {
                    if (!used[m] && Contains(outer, fragments[outer].Members[m].Member, inner, member.Member))
                        found = used[m] = true;
                }

                if (!found)
                    return false;
            }

            return true;
        }

        bool Contains(int outerClass, CloneMember outer, int innerClass, CloneMember inner)
        {
            if (outer.Path != inner.Path || outer.StartLine > inner.StartLine || inner.EndLine > outer.EndLine)
                return false;
            if (outer.StartLine < inner.StartLine || inner.EndLine < outer.EndLine)
                return true;
            var (a, b) = (fragments[outerClass], fragments[innerClass]);
            return a.IsRun != b.IsRun ? !a.IsRun : outerClass < innerClass;
        }
    }

    private static bool SeenThroughFileCopies(CloneClassDraft fragment, Dictionary<string, int> fileClassOf)
    {
        if (!fileClassOf.TryGetValue(fragment.Members[0].Member.Path, out var fileClass))
            return false;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in fragment.Members)
        {
            if (!fileClassOf.TryGetValue(member.Member.Path, out var other) || other != fileClass || !paths.Add(member.Member.Path))
                return false;
        }

        return true;
    }
}
