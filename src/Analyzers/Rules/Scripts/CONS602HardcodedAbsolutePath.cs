using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Scripts;

/// <summary>
/// String and word tokens of shell and Python files that name a path under one of the configured install roots
/// (consolidate.yml <c>installRoots</c>, e.g. /opt/app): such scripts break when the repository is checked out
/// anywhere else, and in every container that mounts it elsewhere.
/// </summary>
public sealed class CONS602HardcodedAbsolutePath : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.HardcodedAbsolutePath;

    public void Analyze(RuleContext context)
    {
        var roots = context.Config.InstallRoots.Select(r => r.TrimEnd('/')).Where(r => r.StartsWith('/')).ToList();
        if (roots.Count == 0)
            return;

        foreach (var file in context.Model.Files.Where(f => f.Language is Language.Shell or Language.Python))
        {
            if (file.Text is null || !roots.Any(r => file.Text.Contains(r)))
                continue;
            var reportedLines = new HashSet<int>();
            // A path can be a string or word (Literal), or a command name (Identifier): /opt/app/bin/start --now.
            foreach (var token in file.Tokens.Where(t => t.Kind == TokenKind.Literal || (t.Kind == TokenKind.Identifier && t.Text.Contains('/'))))
            {
                foreach (var root in roots)
                {
                    var at = token.Text.IndexOf(root, StringComparison.Ordinal);
                    if (at < 0 || (at + root.Length < token.Text.Length && token.Text[at + root.Length] is not ('/' or '"' or '\'')))
                        continue;
                    if (at > 0 && token.Text[at - 1] is not ('"' or '\'' or '=' or ':' or ' '))
                        continue;
                    if (!reportedLines.Add(token.Span.StartLine))
                        continue;
                    context.Report(file, token.Span,
                        $"hard-coded path under the install root '{root}': the script breaks wherever the repository lives elsewhere; derive it from the script's location (\"$(dirname \"$0\")\") or a variable with a default");
                }
            }
        }
    }
}
