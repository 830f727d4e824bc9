namespace Consolidate.Analyzers.Clones;

/// <summary>Union-find with path halving; the smaller index becomes the root, so classes do not depend on edge order.</summary>
internal sealed class DisjointSets
{
    private readonly int[] parent;

    public DisjointSets(int count)
    {
        parent = new int[count];
        for (var i = 0; i < count; i++)
            parent[i] = i;
    }

    public int Find(int item)
    {
        while (parent[item] != item)
        {
            parent[item] = parent[parent[item]];
            item = parent[item];
        }

        return item;
    }

    /// <summary>The root without compressing the path: safe to call from several threads while nobody unions.</summary>
    public int Root(int item)
    {
        while (parent[item] != item)
            item = parent[item];
        return item;
    }

    public bool Union(int a, int b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA == rootB)
            return false;
        if (rootA < rootB)
            parent[rootB] = rootA;
        else
            parent[rootA] = rootB;
        return true;
    }
}
