using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.ContainerSecurity;

/// <summary>
/// Pins a FROM image that has no tag or the tag <c>latest</c> (CONS102) to the tag <c>pins:</c> in consolidate.yml gives
/// that image, by rewriting exactly the image word of the FROM line (flags, <c>AS name</c>, comments stay). The version
/// is the user's choice, never the tool's: an image with no pin is refused, as are images that come from a variable
/// (the ARG may feed other stages or a build argument), an image word split by a line continuation, and files that did
/// not parse cleanly. Safe: the configured tag is the image the repository decided to build on.
/// </summary>
internal static class BaseImagePin
{
    /// <summary>The edit pinning the image of the FROM at <paramref name="line"/>, or the reason it is left alone.</summary>
    public static (TextEdit? Edit, string? Reason) Plan(FileModel file, int line, ImmutableDictionary<string, string> pins)
    {
        var facts = file.FactsAs<DockerfileFacts>();
        if (file.Status != ParseStatus.Ok || facts is null || file.Text is null)
            return (null, $"{file.Path} did not parse cleanly ({file.Reason ?? file.Status.ToString().ToLowerInvariant()}), so its FROM lines are not touched");
        var stage = facts.Stages.FirstOrDefault(s => s.FromSpan.StartLine == line);
        if (stage is null || stage.Instructions.IsEmpty || stage.Instructions[0].Keyword != "FROM")
            return (null, $"no FROM at line {line}; pin the image by hand");

        var image = stage.BaseImage;
        if (image.Contains('$'))
            return (null, $"FROM {image} takes its image from a variable; pin the ARG's default by hand (it may feed other stages or be set with --build-arg)");
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        var name = colon < 0 ? image : image[..colon];
        if (image.Contains('@') || (colon >= 0 && !image[(colon + 1)..].Equals("latest", StringComparison.OrdinalIgnoreCase)))
            return (null, $"FROM {image} is already pinned");
        if (!pins.TryGetValue(name, out var tag))
            return (null, $"no pin for '{name}' in consolidate.yml 'pins'; the tool does not choose a version");

        var text = file.Text;
        var start = stage.Instructions[0].ArgumentsSpan.Start;
        var end = start + image.Length;
        if (end > text.Text.Length
            || string.CompareOrdinal(text.Text, start, image, 0, image.Length) != 0
            || (end < text.Text.Length && !char.IsWhiteSpace(text.Text[end])))
            return (null, $"FROM {image} at line {line} is not written as one plain word (a line continuation splits it); pin it by hand");

        var pinned = name + ":" + tag;
        return (new TextEdit(start, image.Length, pinned, FixSafety.Safe, line, $"FROM {image} -> FROM {pinned} (pins: in consolidate.yml)"), null);
    }
}
