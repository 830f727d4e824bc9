using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Engine;

/// <summary>The frontends of one run, by language; owns them (the Python one holds worker processes).</summary>
public sealed class FrontendSet : IDisposable
{
    private readonly ImmutableDictionary<Language, IFrontend> frontends;

    public FrontendSet(IEnumerable<IFrontend> frontends) => this.frontends = frontends.ToImmutableDictionary(f => f.Language);

    public static FrontendSet None { get; } = new([]);

    public IFrontend? For(Language language) => frontends.GetValueOrDefault(language);

    /// <summary>The shell parser for shell embedded in other files (workflows, crontabs, Makefiles), when there is one.</summary>
    public Frontends.Shell.IShellParser? ShellParser => For(Language.Shell) as Frontends.Shell.IShellParser;

    public void Dispose()
    {
        foreach (var frontend in frontends.Values.OfType<IDisposable>())
            frontend.Dispose();
    }
}
