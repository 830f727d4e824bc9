using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Containers;

/// <summary>
/// The image runs as the last USER of its final stage; when the final stage has none it inherits the user of the stage
/// it builds FROM (followed inside the file). An external base image counts as root: most official images run as root,
/// and the Dockerfile should say otherwise explicitly.
/// </summary>
public sealed class CONS101DockerfileRunsAsRoot : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.DockerfileRunsAsRoot;

    public void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.OfLanguage(Language.Dockerfile))
        {
            var facts = file.FactsAs<DockerfileFacts>();
            if (facts?.FinalStage is not { } final)
                continue;

            var user = EffectiveUser(facts, final);
            var label = final.Name is null ? $"final stage (FROM {final.BaseImage})" : $"final stage '{final.Name}' (FROM {final.BaseImage})";
            if (user is null)
            {
                context.Report(file, final.FromSpan,
                    $"{label} has no USER instruction, so the container runs as root; add 'USER <non-root uid>' (for example USER 10001) after the steps that need root");
            }
            else if (user is "root" or "0")
            {
                // The USER may be inherited from an earlier stage; then the final FROM is where the image starts.
                var own = final.Instructions.LastOrDefault(i => i.Keyword == "USER");
                context.Report(file, own?.Span ?? final.FromSpan,
                    own is null
                        ? $"{label} inherits USER {user} from the stage it builds on, so the container runs as root; add 'USER <non-root uid>' to the final stage"
                        : $"{label} sets USER {user}, so the container runs as root; switch to a non-root uid after the steps that need root");
            }
        }
    }

    internal static string? EffectiveUser(DockerfileFacts facts, DockerStage stage)
    {
        var seen = new HashSet<int>();
        for (var current = stage; current is not null && seen.Add(current.Index);)
        {
            if (current.LastUser is { } user)
                return user;
            current = facts.Stages.FirstOrDefault(s => s.Index < current.Index && s.Name is not null
                && string.Equals(s.Name, current.BaseImage, StringComparison.OrdinalIgnoreCase));
        }

        return null;
    }
}
