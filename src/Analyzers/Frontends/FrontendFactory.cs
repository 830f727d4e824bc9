using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends.Compose;
using Consolidate.Analyzers.Frontends.CSharp;
using Consolidate.Analyzers.Frontends.Dockerfile;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Frontends.Shell;

namespace Consolidate.Analyzers.Frontends;

/// <summary>Creates the frontends of a run.</summary>
public static class FrontendFactory
{
    public static FrontendSet Create(FrontendOptions options)
    {
        var shell = new ShellFrontend();
        var python = new PythonFrontend(options);
        return new FrontendSet([shell, python, new DockerfileFrontend(shell), new ComposeFrontend(), new CSharpFrontend()]);
    }
}
