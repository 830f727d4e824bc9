namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// git's ignore rules over a list of paths, as the scanner's walk applies them: <c>.git/info/exclude</c> lowest, then
/// each folder's <c>.gitignore</c> on top of its parent's, and a folder that is ignored hides everything below it.
/// The <c>.gitignore</c> texts come from the caller: the additional files (buildTransitive adds every <c>.gitignore</c> under the
/// root, and <c>.git/info/exclude</c>); the root is taken as git's top level.
/// </summary>
internal sealed class GitIgnoreFilter
{
    private readonly Func<string, string?> textOf;
    private readonly Dictionary<string, IgnoreRules> rulesByFolder = new(StringComparer.Ordinal);

    public GitIgnoreFilter(Func<string, string?> textOf) => this.textOf = textOf;

    public bool IsIgnored(string path)
    {
        var parts = path.Split('/');
        var folder = "";
        for (var i = 0; i < parts.Length; i++)
        {
            var rules = RulesOf(folder);
            var child = folder.Length == 0 ? parts[i] : folder + "/" + parts[i];
            if (rules.IsIgnored(child, isDirectory: i < parts.Length - 1))
                return true;
            folder = child;
        }

        return false;
    }

    private IgnoreRules RulesOf(string folder)
    {
        if (rulesByFolder.TryGetValue(folder, out var known))
            return known;

        IgnoreRules rules;
        if (folder.Length == 0)
        {
            rules = IgnoreRules.Empty;
            if (textOf(".git/info/exclude") is { } exclude)
                rules = rules.With(IgnoreRules.ParseFile(exclude, "", ".git/info/exclude"));
        }
        else
        {
            var slash = folder.LastIndexOf('/');
            rules = RulesOf(slash < 0 ? "" : folder.Substring(0, slash));
        }

        var own = folder.Length == 0 ? ".gitignore" : folder + "/.gitignore";
        if (textOf(own) is { } text)
            rules = rules.With(IgnoreRules.ParseFile(text, folder, own));
        rulesByFolder[folder] = rules;
        return rules;
    }
}
