using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// Where <see cref="ModelPipeline"/> looks for a file's parse result before parsing it, and leaves the result after
/// (the CLI's <c>.consolidate/cache</c>, <see cref="Caching.ParseCache"/>). Implementations decide what is valid for
/// which file and frontend; they are called from several threads.
/// </summary>
public interface IParseResultCache
{
    /// <summary>The file as a previous scan parsed it, when nothing it depends on has changed; else null.</summary>
    FileModel? TryLoad(ScannedFile file, IFrontend frontend, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps what this scan parsed (an implementation may decline: a timeout is not a verdict) and returns the model to
    /// use: <paramref name="model"/>, or the same with its <see cref="ParsedSource.CacheDigest"/> when kept.
    /// </summary>
    FileModel Store(ScannedFile file, IFrontend frontend, FileModel model);
}
