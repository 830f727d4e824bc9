using System.Collections.Immutable;

namespace Consolidate.Cli.Projects;

/// <summary>
/// What an MSBuild evaluation of one project says about the files its build hands the analyzer package (no MSBuild type
/// leaves <see cref="ProjectEvaluator"/>). Paths are absolute, with forward slashes; <see cref="Root"/> has no trailing slash.
/// </summary>
/// <param name="Project">The project file.</param>
/// <param name="Root"><c>ConsolidateRoot</c>: the folder paths, <c>consolidate.yml</c> and <c>.gitignore</c> files are relative to.</param>
/// <param name="ConfigPath"><c>ConsolidateConfig</c>, relative to the root, or null for consolidate.yml/consolidate.yaml.</param>
/// <param name="Enabled"><c>ConsolidateEnabled</c> is not false.</param>
/// <param name="PackageImported">The project imports the analyzer package's targets itself (else the tool's copy was used).</param>
/// <param name="AdditionalFiles">The <c>AdditionalFiles</c> items.</param>
/// <param name="CompileFiles">The <c>Compile</c> items (C# sources).</param>
/// <param name="ExistingFiles">Every file under the root but <c>ConsolidateExclude</c>: what the build's path list names.</param>
/// <param name="AnalyzerConfigFiles">The <c>EditorConfigFiles</c> items (.editorconfig and .globalconfig files the compiler reads) that exist.</param>
/// <param name="NoWarn">Ids in <c>NoWarn</c>.</param>
/// <param name="WarningsAsErrors">Ids in <c>WarningsAsErrors</c>.</param>
/// <param name="WarningsNotAsErrors">Ids in <c>WarningsNotAsErrors</c>.</param>
/// <param name="TreatWarningsAsErrors"><c>TreatWarningsAsErrors</c> is true.</param>
internal sealed record ProjectEvaluation(
    string Project,
    string Root,
    string? ConfigPath,
    bool Enabled,
    bool PackageImported,
    ImmutableArray<string> AdditionalFiles,
    ImmutableArray<string> CompileFiles,
    ImmutableArray<string> ExistingFiles,
    ImmutableArray<string> AnalyzerConfigFiles,
    ImmutableHashSet<string> NoWarn,
    ImmutableHashSet<string> WarningsAsErrors,
    ImmutableHashSet<string> WarningsNotAsErrors,
    bool TreatWarningsAsErrors);
