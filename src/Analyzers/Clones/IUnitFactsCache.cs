using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Where the clone index keeps each file's clone facts between scans (the CLI's parse cache): what its second pass
/// worked out for the file, under a key that covers everything that pass reads (see <see cref="CloneIndex"/>). An
/// implementation must hand back exactly the bytes stored under the same path, language and key, or nothing.
/// </summary>
public interface IUnitFactsCache
{
    /// <summary>The facts stored for the file under <paramref name="key"/>; null when there are none (or another key's).</summary>
    byte[]? LoadUnitFacts(string path, Language language, ulong key);

    /// <summary>Keeps <paramref name="facts"/> for the file under <paramref name="key"/> (an implementation may decline).</summary>
    void StoreUnitFacts(string path, Language language, ulong key, byte[] facts);
}
