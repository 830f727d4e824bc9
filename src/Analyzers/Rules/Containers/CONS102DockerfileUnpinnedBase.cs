using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Containers;

/// <summary>
/// A FROM of an external image with no tag or the tag 'latest'. Digest pins pass; 'scratch' and earlier stages are not
/// images; <c>${ARG}</c> references are resolved from ARG defaults before the first FROM, and left alone when unknown.
/// </summary>
public sealed class CONS102DockerfileUnpinnedBase : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.DockerfileUnpinnedBase;

    public void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.OfLanguage(Language.Dockerfile))
        {
            var facts = file.FactsAs<DockerfileFacts>();
            if (facts is null)
                continue;

            var args = GlobalArgDefaults(facts);
            foreach (var stage in facts.Stages)
            {
                var image = Substitute(stage.BaseImage, args);
                if (image is null || image.Equals("scratch", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (facts.Stages.Any(s => s.Index < stage.Index && string.Equals(s.Name, image, StringComparison.OrdinalIgnoreCase)))
                    continue;
                if (image.Contains('@'))
                    continue;

                var lastSlash = image.LastIndexOf('/');
                var colon = image.IndexOf(':', lastSlash + 1);
                var tag = colon < 0 ? null : image[(colon + 1)..];
                if (tag is null)
                {
                    context.Report(file, stage.FromSpan,
                        $"FROM {image} has no tag, so it means '{image}:latest' and changes whenever the image is pushed; pin a version tag (and ideally a digest)");
                }
                else if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(file, stage.FromSpan,
                        $"FROM {image} uses the 'latest' tag, which changes whenever the image is pushed; pin a version tag (and ideally a digest)");
                }
            }
        }
    }

    private static Dictionary<string, string> GlobalArgDefaults(DockerfileFacts facts)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in facts.GlobalArgs)
        {
            var text = arg.Arguments.Trim();
            var eq = text.IndexOf('=');
            if (eq > 0)
                args[text[..eq].Trim()] = text[(eq + 1)..].Trim().Trim('"', '\'');
        }

        return args;
    }

    /// <summary>Resolves ${NAME}, $NAME and ${NAME:-default}; null when a variable has no known value.</summary>
    internal static string? Substitute(string image, IReadOnlyDictionary<string, string> args)
    {
        if (!image.Contains('$'))
            return image;
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < image.Length; i++)
        {
            if (image[i] != '$')
            {
                result.Append(image[i]);
                continue;
            }

            string name;
            string? fallback = null;
            if (i + 1 < image.Length && image[i + 1] == '{')
            {
                var close = image.IndexOf('}', i + 2);
                if (close < 0)
                    return null;
                name = image[(i + 2)..close];
                var dash = name.IndexOf(":-", StringComparison.Ordinal);
                if (dash >= 0)
                {
                    fallback = name[(dash + 2)..];
                    name = name[..dash];
                }

                i = close;
            }
            else
            {
                var end = i + 1;
                while (end < image.Length && (char.IsLetterOrDigit(image[end]) || image[end] == '_'))
                    end++;
                name = image[(i + 1)..end];
                i = end - 1;
            }

            if (args.TryGetValue(name, out var value) && value.Length > 0)
                result.Append(value);
            else if (fallback is not null)
                result.Append(fallback);
            else
                return null;
        }

        return result.ToString();
    }
}
