using System.Collections.Immutable;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Cli.Projects;

/// <summary>
/// The files of a project scan, as the analyzer package lists them in the build (<c>AdditionalFileSet</c>): the
/// <c>AdditionalFiles</c> under the root are read; every other file of the build's path list is known by name only;
/// <see cref="AdditionalFileRules"/> applies <c>consolidate.yml</c>, git's ignore rules and <c>exclude</c> as the
/// package does. The project's C# files (<c>Compile</c> items under the root) are read for their string literals only:
/// they are listed as skipped, so no rule reports on them but the references their literals make.
/// </summary>
internal sealed class ProjectFileSet
{
    /// <summary>The build's own list of file names (obj/consolidate-analyze.paths); the scan computes its own.</summary>
    private const string PathListName = "consolidate-analyze.paths";

    private const string CompileReason = "a C# source of the project: only its string literals are read, for references (rules run on the AdditionalFiles, as in the build)";

    private readonly ImmutableArray<(string Path, string FullPath, FileRole Role, string? ExcludedBy)> files;
    private readonly RepositoryScanner scanner;

    private ProjectFileSet(string root, ImmutableArray<(string, string, FileRole, string?)> files, ConsolidateConfig config, ImmutableArray<ConfigError> configErrors)
    {
        Root = root;
        this.files = files;
        Config = config;
        ConfigErrors = configErrors;
        scanner = new RepositoryScanner(new ScanOptions { MaxFileBytes = config.MaxFileBytes });
    }

    private enum FileRole
    {
        Read,
        Compile,
        NameOnly,
        Excluded,
    }

    public string Root { get; }

    public ConsolidateConfig Config { get; }

    public ImmutableArray<ConfigError> ConfigErrors { get; }

    public int Count => files.Length;

    /// <summary>The files of every project (all with the same root), as one set.</summary>
    public static ProjectFileSet Create(IReadOnlyList<ProjectEvaluation> projects, CancellationToken cancellationToken)
    {
        var root = projects[0].Root;
        var additional = new Dictionary<string, string>(StringComparer.Ordinal);
        var compile = new Dictionary<string, string>(StringComparer.Ordinal);
        var listed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in projects.Where(p => p.Enabled))
        {
            foreach (var full in project.AdditionalFiles)
            {
                if (RelativeTo(root, full) is { } relative && Name(relative) != PathListName)
                {
                    additional[relative] = full;
                    listed.Add(relative);
                }
            }

            foreach (var full in project.ExistingFiles)
            {
                if (RelativeTo(root, full) is { } relative)
                    listed.Add(relative);
            }
        }

        foreach (var project in projects)
        {
            foreach (var full in project.CompileFiles)
            {
                if (RelativeTo(root, full) is { } relative && !additional.ContainsKey(relative))
                {
                    compile[relative] = full;
                    listed.Add(relative);
                }
            }
        }

        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Content(string path)
        {
            if (!additional.TryGetValue(path, out var full))
                return null;
            if (!texts.TryGetValue(path, out var text))
                texts[path] = text = ReadText(full);
            return text;
        }

        var (config, errors) = AdditionalFileRules.ReadConfig(Content, projects[0].ConfigPath);
        var selected = ImmutableArray.CreateBuilder<(string, string, FileRole, string?)>();
        foreach (var (path, excludedBy) in AdditionalFileRules.Select(listed, Content, config, cancellationToken))
        {
            var full = root + "/" + path;
            if (excludedBy is not null)
                selected.Add((path, full, FileRole.Excluded, excludedBy));
            else if (additional.TryGetValue(path, out var read))
                selected.Add((path, read, FileRole.Read, null));
            else if (compile.TryGetValue(path, out var source))
                selected.Add((path, source, FileRole.Compile, null));
            else
                selected.Add((path, full, FileRole.NameOnly, null));
        }

        return new ProjectFileSet(root, selected.ToImmutable(), config, errors);
    }

    /// <summary>Whether the i-th file is Python by its name (the pipeline parses those last, see ModelPipeline.Run).</summary>
    public bool IsPython(int index) => FileClassifier.IsPythonByName(files[index].Path);

    /// <summary>The i-th file, read now (the pipeline reads files as it parses them).</summary>
    public ScannedFile Read(int index)
    {
        var (path, full, role, excludedBy) = files[index];
        var language = FileClassifier.ByName(Name(path));
        switch (role)
        {
            case FileRole.Excluded:
                return new ScannedFile(path, language, ParseStatus.Skipped, $"excluded by '{excludedBy}'", 0, null);
            case FileRole.NameOnly:
                return new ScannedFile(path, language, ParseStatus.Skipped, "not an additional file of the compilation: only its name is known", 0, null);
            case FileRole.Compile:
                var source = scanner.Read(new ScanEntry(path, full, null));
                return source.Document is null ? source : source with { Language = Language.CSharp, Status = ParseStatus.Skipped, Reason = CompileReason };
            default:
                return scanner.Read(new ScanEntry(path, full, null));
        }
    }

    private static string? ReadText(string full)
    {
        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string? RelativeTo(string root, string path) =>
        root == "/" ? path.TrimStart('/') : path.StartsWith(root + "/", StringComparison.Ordinal) ? path[(root.Length + 1)..] : null;
}
