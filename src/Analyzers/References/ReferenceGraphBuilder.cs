using System.Collections.Immutable;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.References;

/// <summary>
/// Builds the reference graph from the parsed files. Pure: it reads nothing from disk (other text files such as
/// workflows, crontabs, Makefiles and .dockerignore come from the scan), and never runs anything.
/// </summary>
public static class ReferenceGraphBuilder
{
    /// <param name="parallelism">Files read at once (the analyzer package passes 1: the compiler runs analyzers in parallel itself).</param>
    public static ReferenceGraph Build(IReadOnlyList<FileModel> files, ConsolidateConfig config, IShellParser? shell, CancellationToken cancellationToken, int parallelism = 1)
    {
        var paths = new RepositoryPaths(files.Select(f => f.Path));
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var python = new PythonModuleResolver(paths);
        var collector = new ShellReferenceCollector(paths, python, config.InstallRoots);
        var csharp = new CSharpReferenceCollector(paths);
        // Each file's references and build contexts are collected on their own (in parallel when allowed: the resolvers
        // only read shared state or cache in concurrent maps) and joined in file order, so the result never depends on
        // the threads.
        var perFile = new (List<Reference> References, List<BuildContext> Contexts)?[files.Count];
        var copy = new DockerCopyResolver(paths, path => byPath.TryGetValue(path, out var f) ? f.Text?.Text : null);
        BoundedParallel.For(files.Count, parallelism, cancellationToken, i =>
        {
            var file = files[i];
            if (file.Status is ParseStatus.Skipped or ParseStatus.Failed && file.Parsed is null && file.Text is null)
                return;
            var references = new List<Reference>();
            var contexts = new List<BuildContext>();
            var directory = RepositoryPaths.DirectoryOf(file.Path);
            switch (file.Language)
            {
                case Language.Python when file.FactsAs<PythonFacts>() is { } facts:
                    foreach (var import in facts.Imports)
                    {
                        foreach (var (written, target, missing) in python.Resolve(import, file.Path))
                        {
                            // An import inside try/except may be the guarded half of a fallback: missing is not dangling there.
                            var unknowable = target is null && import.InTry ? "inside try: the code handles the ImportError" : null;
                            references.Add(new Reference(file.Path, import.Span.StartLine, target ?? written, ReferenceKind.PythonImport, target is not null,
                                written, Unknowable: unknowable, Detail: missing ?? import.Style.ToString()));
                        }
                    }

                    break;

                case Language.Shell when file.FactsAs<ShellFacts>() is { } facts:
                    collector.Collect(file.Path, facts, directory, null, null, references, contexts);
                    break;

                case Language.Compose when file.FactsAs<ComposeFacts>() is { } facts:
                    CollectCompose(file, facts, paths, references, contexts);
                    break;

                case Language.CSharp when file.FactsAs<CSharpFacts>() is { } facts:
                    csharp.Collect(file, facts, references);
                    break;

                case Language.Other when file.Text is not null && shell is not null:
                    CollectEmbedded(file, shell, collector, paths, references, contexts, cancellationToken);
                    break;
            }

            if (references.Count > 0 || contexts.Count > 0)
                perFile[i] = (references, contexts);
        });

        // COPY sources resolve against the build contexts every file above named.
        var allContexts = perFile.Where(p => p is not null).SelectMany(p => p!.Value.Contexts).ToList();
        var contextsByDockerfile = allContexts.ToLookup(c => c.Dockerfile, StringComparer.Ordinal);
        var copies = new List<Reference>?[files.Count];
        BoundedParallel.For(files.Count, parallelism, cancellationToken, i =>
        {
            if (files[i].Language == Language.Dockerfile && files[i].FactsAs<DockerfileFacts>() is { } facts)
            {
                var references = new List<Reference>();
                copy.Collect(files[i], facts, contextsByDockerfile[files[i].Path].ToList(), references);
                copies[i] = references;
            }
        });

        var all = perFile.Where(p => p is not null).SelectMany(p => p!.Value.References).Concat(copies.Where(c => c is not null).SelectMany(c => c!));
        var ordered = all
            .Distinct()
            .OrderBy(r => r.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Line)
            .ThenBy(r => r.Target, StringComparer.Ordinal)
            .ThenBy(r => r.Kind)
            .ToImmutableArray();
        return new ReferenceGraph(ordered, allContexts.Distinct().ToImmutableArray());
    }

    private static void CollectCompose(FileModel file, ComposeFacts facts, RepositoryPaths paths, List<Reference> references, List<BuildContext> contexts)
    {
        var directory = RepositoryPaths.DirectoryOf(file.Path);
        foreach (var service in facts.Services)
        {
            if (service.Build is { } build)
            {
                var contextValue = build.Context?.Value ?? ".";
                var line = (build.Context ?? build.Dockerfile)?.Span.StartLine ?? build.Span.StartLine;
                if (contextValue.Contains("://", StringComparison.Ordinal) || contextValue.Contains('$'))
                {
                    references.Add(new Reference(file.Path, line, contextValue, ReferenceKind.ComposeBuild, false, contextValue,
                        Unknowable: contextValue.Contains('$') ? "the build context uses a variable" : "the build context is a remote URL"));
                }
                else
                {
                    var context = RepositoryPaths.Combine(directory, contextValue);
                    var dockerfileValue = build.Dockerfile?.Value ?? "Dockerfile";
                    var dockerfile = context is null ? null : RepositoryPaths.Combine(context, dockerfileValue);
                    var dockerLine = build.Dockerfile?.Span.StartLine ?? line;
                    if (context is null || dockerfile is null)
                    {
                        references.Add(new Reference(file.Path, line, contextValue, ReferenceKind.ComposeBuild, false, contextValue, Detail: "leaves the repository"));
                    }
                    else
                    {
                        references.Add(new Reference(file.Path, dockerLine, dockerfile, ReferenceKind.ComposeBuild, paths.IsFile(dockerfile),
                            build.Dockerfile?.Value ?? contextValue, Detail: $"service '{service.Name}': Dockerfile in context '{(context.Length == 0 ? "." : context)}'"));
                        if (paths.IsDirectory(context) || context.Length == 0)
                            contexts.Add(new BuildContext(dockerfile, context, file.Path, line));
                    }
                }
            }

            foreach (var envFile in service.EnvFiles)
                AddPath(file.Path, directory, envFile, "env_file", paths, references);
            if (service.ExtendsFile is { } extends)
                AddPath(file.Path, directory, extends, "extends.file", paths, references);
        }
    }

    private static void AddPath(string source, string directory, ComposeScalar value, string what, RepositoryPaths paths, List<Reference> references)
    {
        if (value.Value.Contains('$'))
        {
            references.Add(new Reference(source, value.Span.StartLine, value.Value, ReferenceKind.ComposeBuild, false, value.Value, Unknowable: $"{what} uses a variable"));
            return;
        }

        var target = RepositoryPaths.Combine(directory, value.Value);
        references.Add(target is null
            ? new Reference(source, value.Span.StartLine, value.Value, ReferenceKind.ComposeBuild, false, value.Value, Unknowable: $"{what} is outside the repository")
            : new Reference(source, value.Span.StartLine, target, ReferenceKind.ComposeBuild, paths.IsFile(target), value.Value, Detail: what));
    }

    private static void CollectEmbedded(
        FileModel file,
        IShellParser shell,
        ShellReferenceCollector collector,
        RepositoryPaths paths,
        List<Reference> references,
        List<BuildContext> contexts,
        CancellationToken cancellationToken)
    {
        var text = file.Text!;
        var directory = RepositoryPaths.DirectoryOf(file.Path);
        if (EmbeddedShell.IsWorkflow(file.Path))
        {
            var (steps, actions, _) = EmbeddedShell.Workflow(text, shell, cancellationToken);
            foreach (var (facts, workingDirectory) in steps)
                collector.Collect(file.Path, facts, workingDirectory, workingDirectory, ReferenceKind.Ci, references, contexts);
            foreach (var (uses, line) in actions)
            {
                var target = RepositoryPaths.Combine("", uses);
                if (target is not null)
                    references.Add(new Reference(file.Path, line, target, ReferenceKind.Ci, paths.IsDirectory(target) || paths.IsFile(target), uses, Detail: "local action"));
            }
        }
        else if (EmbeddedShell.IsCrontab(file.Path))
        {
            foreach (var facts in EmbeddedShell.Crontab(file.Path, text, shell, cancellationToken))
                collector.Collect(file.Path, facts, directory, null, ReferenceKind.Cron, references, contexts);
        }
        else if (EmbeddedShell.IsMakefile(file.Path))
        {
            foreach (var facts in EmbeddedShell.MakefileRecipes(text, shell, cancellationToken))
                collector.Collect(file.Path, facts, directory, directory, ReferenceKind.Other, references, contexts);
        }
        else if (EmbeddedShell.IsSystemdUnit(file.Path))
        {
            foreach (var facts in EmbeddedShell.SystemdExec(text, shell, cancellationToken))
                collector.Collect(file.Path, facts, directory, null, ReferenceKind.Other, references, contexts);
        }
    }
}
