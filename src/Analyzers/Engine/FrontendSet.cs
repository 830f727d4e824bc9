using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Engine;

/// <summary>The frontends of one run, by language; owns them (the Python one holds worker processes).</summary>
public sealed class FrontendSet : IDisposable
{
    // Indexed by language: asked for every file, and an array costs no generic instantiation to compile at start-up.
    private readonly IFrontend?[] byLanguage = new IFrontend?[(int)Language.Other + 1];

    public FrontendSet(IEnumerable<IFrontend> frontends)
    {
        foreach (var frontend in frontends)
        {
            if (byLanguage[(int)frontend.Language] is not null)
                throw new ArgumentException($"two frontends for {frontend.Language}", nameof(frontends));
            byLanguage[(int)frontend.Language] = frontend;
        }
    }

    public static FrontendSet None { get; } = new([]);

    public IFrontend? For(Language language) => (uint)language < (uint)byLanguage.Length ? byLanguage[(int)language] : null;

    /// <summary>The shell parser for shell embedded in other files (workflows, crontabs, Makefiles), when there is one.</summary>
    public Frontends.Shell.IShellParser? ShellParser => For(Language.Shell) as Frontends.Shell.IShellParser;

    public void Dispose()
    {
        foreach (var frontend in byLanguage)
            (frontend as IDisposable)?.Dispose();
    }
}
