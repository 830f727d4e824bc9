using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Consolidate.Analyzers.Package;

/// <summary>
/// consolidate-analyze's rules inside the compiler. On the first additional file of a compilation it builds the model
/// of every additional file under the repository root (<see cref="PackageRun"/>: the engine's frontends, reference
/// graph, clone index and rules, then the severity policy), once; each additional file then gets its own findings, so
/// cross-file rules (duplicates, dangling references) see the whole set, and an editor shows findings per file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsolidateAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RoslynDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Options.AdditionalFiles.IsEmpty)
                return;
            var compilation = start.Compilation;
            var options = start.Options;
            var cancellationToken = start.CancellationToken;
            var run = new Lazy<PackageRun>(() => PackageRun.Create(compilation, options, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            var failureReported = 0;
            start.RegisterAdditionalFileAction(file =>
            {
                PackageRun value;
                try
                {
                    value = run.Value;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && Interlocked.Exchange(ref failureReported, 1) == 1)
                {
                    // A bug in the analysis: the first file's action let the exception through (one AD0001); the rest stay quiet.
                    return;
                }

                value.Report(file);
            });
        });
    }
}
