using System.Collections.Immutable;
using System.Text;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RoslynText = Microsoft.CodeAnalysis.Text.SourceText;

namespace Consolidate.Analyzers.Package;

/// <summary>
/// The compilation's additional files as the scanner would list them: repo-relative paths under the root
/// (<c>build_property.ConsolidateRoot</c>, else the project folder), classified by name then shebang, with git's ignore
/// rules (the <c>.gitignore</c> files among the additional files, and <c>.git/info/exclude</c>) and
/// <c>consolidate.yml</c>'s <c>exclude</c> applied as the scanner applies them (<see cref="AdditionalFileRules"/>, which
/// the CLI's scan of a project shares). The paths list the build writes
/// (<see cref="PathListName"/>) adds files that exist but are not additional files: references to them resolve, and
/// nothing reads them.
/// </summary>
internal sealed class AdditionalFileSet
{
    /// <summary>The file name of the list of every file under the root, one repo-relative path a line (buildTransitive writes it).</summary>
    public const string PathListName = "consolidate-analyze.paths";

    private const int BinarySniffLength = 8000;

    private readonly ImmutableDictionary<string, AdditionalText> texts;
    private readonly ImmutableDictionary<string, RoslynText> contents;

    private AdditionalFileSet(
        string root,
        ImmutableArray<ScannedFile> scanned,
        ConsolidateConfig config,
        ImmutableArray<ConfigError> configErrors,
        ImmutableDictionary<string, AdditionalText> texts,
        ImmutableDictionary<string, RoslynText> contents)
    {
        Root = root;
        Scanned = scanned;
        Config = config;
        ConfigErrors = configErrors;
        this.texts = texts;
        this.contents = contents;
    }

    /// <summary>The repository root, absolute, with forward slashes and no trailing slash.</summary>
    public string Root { get; }

    public ImmutableArray<ScannedFile> Scanned { get; }

    public ConsolidateConfig Config { get; }

    public ImmutableArray<ConfigError> ConfigErrors { get; }

    public static AdditionalFileSet Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var root = Normalize(
            global.TryGetValue("build_property.ConsolidateRoot", out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured
            : global.TryGetValue("build_property.projectdir", out var projectDir) && !string.IsNullOrWhiteSpace(projectDir) ? projectDir
            : CommonFolder(options.AdditionalFiles.Select(f => f.Path)));

        var texts = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
        var listed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in options.AdditionalFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Name(Normalize(file.Path)) == PathListName)
            {
                if (file.GetText(cancellationToken) is not { } list)
                    continue;
                foreach (var line in list.Lines)
                {
                    var path = line.ToString().Trim().Replace('\\', '/');
                    if (path.Length > 0 && !path.StartsWith("/", StringComparison.Ordinal) && !path.Split('/').Contains(".."))
                        listed.Add(path);
                }

                continue;
            }

            if (RelativeTo(root, Normalize(file.Path)) is { } relative)
            {
                texts[relative] = file;
                listed.Add(relative);
            }
        }

        var contents = new Dictionary<string, RoslynText>(StringComparer.Ordinal);
        RoslynText? Content(string path)
        {
            if (contents.TryGetValue(path, out var known))
                return known;
            if (!texts.TryGetValue(path, out var additional) || additional.GetText(cancellationToken) is not { } text)
                return null;
            contents[path] = text;
            return text;
        }

        var configPath = global.TryGetValue("build_property.ConsolidateConfig", out var configProperty) && !string.IsNullOrWhiteSpace(configProperty)
            ? configProperty.Trim().Replace('\\', '/')
            : null;
        var (config, configErrors) = AdditionalFileRules.ReadConfig(path => Content(path)?.ToString(), configPath);
        var scanned = ImmutableArray.CreateBuilder<ScannedFile>();
        foreach (var (path, excludedBy) in AdditionalFileRules.Select(listed, path => Content(path)?.ToString(), config, cancellationToken))
            scanned.Add(Scan(path, Content(path), excludedBy, config));

        return new AdditionalFileSet(root, scanned.ToImmutable(), config, configErrors, texts.ToImmutableDictionary(StringComparer.Ordinal), contents.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>The repo-relative path of an additional file, or null when it lies outside the root.</summary>
    public string? RelativePath(string path) => RelativeTo(Root, Normalize(path));

    public string FullPath(string relative) => texts.TryGetValue(relative, out var text) ? text.Path : Root + "/" + relative;

    public AdditionalText? AdditionalTextOf(string relative) => texts.TryGetValue(relative, out var text) ? text : null;

    /// <summary>The text of a file that was read (null for files only listed by name).</summary>
    public RoslynText? TextOf(string relative) => contents.TryGetValue(relative, out var text) ? text : null;

    private static ScannedFile Scan(string path, RoslynText? text, string? excludedBy, ConsolidateConfig config)
    {
        var name = Name(path);
        var language = FileClassifier.ByName(name);
        if (excludedBy is not null)
            return new ScannedFile(path, language, ParseStatus.Skipped, $"excluded by '{excludedBy}'", 0, null);
        if (text is null)
            return new ScannedFile(path, language, ParseStatus.Skipped, "not an additional file of the compilation: only its name is known", 0, null);

        var content = text.ToString();
        var bytes = Encoding.UTF8.GetBytes(content);
        if (bytes.Length > config.MaxFileBytes)
            return new ScannedFile(path, language, ParseStatus.Skipped, $"larger than the size limit ({bytes.Length} bytes)", bytes.Length, null);
        if (content.IndexOf('\0', 0, Math.Min(content.Length, BinarySniffLength)) >= 0)
            return new ScannedFile(path, language, ParseStatus.Skipped, "binary (a NUL byte in the first 8000 bytes)", bytes.Length, null);
        if (language == Language.Other && FileClassifier.NeedsShebang(name))
            language = FileClassifier.ByShebang(bytes);

        var document = new SourceDocument(path, language, bytes, new Model.SourceText(content), null);
        return new ScannedFile(path, language, ParseStatus.Ok, null, bytes.Length, document);
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/');

    private static string Name(string path) => path.Substring(path.LastIndexOf('/') + 1);

    private static string? RelativeTo(string root, string path) =>
        path.StartsWith(root + "/", StringComparison.Ordinal) ? path.Substring(root.Length + 1) : null;

    private static string CommonFolder(IEnumerable<string> paths)
    {
        string? common = null;
        foreach (var path in paths.Select(Normalize))
        {
            var folder = path.Substring(0, Math.Max(0, path.LastIndexOf('/')));
            common = common is null ? folder : CommonPrefix(common, folder);
        }

        return common ?? "";
    }

    private static string CommonPrefix(string a, string b)
    {
        var aParts = a.Split('/');
        var bParts = b.Split('/');
        var n = 0;
        while (n < aParts.Length && n < bParts.Length && aParts[n] == bParts[n])
            n++;
        return string.Join("/", aParts.Take(n));
    }
}
