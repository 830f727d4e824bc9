using Consolidate.Analyzers.Engine;

namespace Consolidate.Analyzers.Frontends;

/// <summary>Creates the frontends of a run.</summary>
public static class FrontendFactory
{
    public static FrontendSet Create(FrontendOptions options)
    {
        _ = options;
        return new FrontendSet([]);
    }
}
