namespace Consolidate.Rewriters.Families.ContainerSecurity;

/// <summary>
/// What the tool knows about a FROM image: official Debian-based images (python, node, debian, ubuntu and the like)
/// have <c>groupadd</c>/<c>useradd</c>; Alpine images (and the <c>-alpine</c> tags) have BusyBox <c>addgroup</c>/<c>adduser</c>.
/// Anything else (a variable, another registry's image, scratch, distroless, an internal base) is unknown.
/// </summary>
internal enum UserTooling
{
    Unknown,
    Debian,
    Alpine,
}

internal static class BaseImage
{
    private static readonly HashSet<string> DebianOfficial = new(StringComparer.Ordinal)
    {
        "python", "node", "debian", "ubuntu", "golang", "ruby", "openjdk", "eclipse-temurin", "php", "perl", "rust", "buildpack-deps",
    };

    public static UserTooling Tooling(string image)
    {
        if (image.Contains('$'))
            return UserTooling.Unknown;
        var reference = image.Split('@')[0].ToLowerInvariant();
        var segments = reference.Split('/').ToList();
        if (segments.Count > 1 && (segments[0].Contains('.') || segments[0].Contains(':') || segments[0] == "localhost"))
        {
            if (segments[0] is not ("docker.io" or "index.docker.io" or "registry-1.docker.io"))
                return UserTooling.Unknown;
            segments.RemoveAt(0);
        }

        if (segments.Count == 2 && segments[0] == "library")
            segments.RemoveAt(0);
        if (segments.Count != 1)
            return UserTooling.Unknown;
        var colon = segments[0].IndexOf(':');
        var name = colon < 0 ? segments[0] : segments[0][..colon];
        var tag = colon < 0 ? "latest" : segments[0][(colon + 1)..];
        if (name == "alpine" || (DebianOfficial.Contains(name) && tag.Contains("alpine", StringComparison.Ordinal)))
            return UserTooling.Alpine;
        if (DebianOfficial.Contains(name) && !tag.Contains("windows", StringComparison.Ordinal) && !tag.Contains("nanoserver", StringComparison.Ordinal))
            return UserTooling.Debian;
        return UserTooling.Unknown;
    }
}
