using System.Runtime.CompilerServices;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

/// <summary>The handwritten Dockerfiles under Corpus/: copied next to the test assembly, else read from the source tree.</summary>
internal static class DockerfileCorpus
{
    public static string Directory => Locate();

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string Locate([CallerFilePath] string source = "")
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Frontends", "Dockerfile", "Corpus");
        return System.IO.Directory.Exists(copied) ? copied : Path.Combine(Path.GetDirectoryName(source)!, "Corpus");
    }
}
