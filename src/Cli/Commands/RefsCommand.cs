using System.CommandLine;
using System.Text.Json;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.References;
using Consolidate.Analyzers.Scanning;
using Consolidate.Cli.Formatters;
using Consolidate.Cli.Options;
using Consolidate.Cli.Projects;

namespace Consolidate.Cli.Commands;

/// <summary>
/// <c>consolidate-analyze refs PATH --to FILE [--depth N]</c>: everything that refers to FILE (transitively up to N
/// steps); <c>--from FILE</c>: everything FILE refers to. Text or JSON.
/// </summary>
public static class RefsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "The repository folder, or a .csproj/.sln (evaluated, never built).", DefaultValueFactory = _ => "." };
        var to = new Option<string?>("--to") { Description = "List the references into this repo-relative file." };
        var from = new Option<string?>("--from") { Description = "List the references out of this repo-relative file." };
        var depth = new Option<int>("--depth") { Description = "Follow references transitively up to this many steps.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var python = new Option<string>("--python") { Description = "The Python 3 interpreter that parses Python files.", DefaultValueFactory = _ => "python3" };
        var command = new Command("refs", "Query the reference graph: what refers to a file (--to) or what a file refers to (--from).")
        {
            path, to, from, depth, format, python,
        };
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(to), parse.GetValue(from), parse.GetValue(depth), parse.GetValue(format)!, parse.GetValue(python)!, stdout, stderr));
        return command;
    }

    private static int Run(string path, string? to, string? from, int depth, string format, string python, TextWriter stdout, TextWriter stderr)
    {
        if ((to is null) == (from is null))
        {
            stderr.WriteLine("error: give exactly one of --to FILE or --from FILE");
            return ExitCodes.UsageOrInputError;
        }

        if (depth < 1)
        {
            stderr.WriteLine("error: --depth must be at least 1");
            return ExitCodes.UsageOrInputError;
        }

        AnalysisResult result;
        if (ProjectScan.IsProjectPath(path) && !Directory.Exists(path))
        {
            // A project: the files its build hands the analyzer package, and the string literals of its C# sources.
            AnalysisResult? scanned;
            string? error;
            using (var frontends = FrontendFactory.Create(new FrontendOptions { PythonExecutable = python }))
                (scanned, error) = ProjectScan.Run(path, frontends, null, null, null, CancellationToken.None);
            if (scanned is null)
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.UsageOrInputError;
            }

            result = scanned;
        }
        else
        {
            var root = Path.GetFullPath(path);
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"error: {path}: no such folder");
                return ExitCodes.UsageOrInputError;
            }

            var (config, errors) = ConfigFiles.LoadConfig(root, null);
            if (config is null)
            {
                foreach (var error in errors)
                    stderr.WriteLine($"error: {error}");
                return ExitCodes.UsageOrInputError;
            }

            using var frontends = FrontendFactory.Create(new FrontendOptions { PythonExecutable = python });
            result = new RepositoryAnalyzer(config, frontends, new ScanOptions { Excludes = config.Exclude, MaxFileBytes = config.MaxFileBytes }).Analyze(root, null, CancellationToken.None);
        }

        var file = (to ?? from)!.Replace('\\', '/').TrimStart('.', '/');
        if (result.Model.File(file) is null)
        {
            stderr.WriteLine($"error: {to ?? from}: not a file of the repository (paths are relative to {(ProjectScan.IsProjectPath(path) ? "the project's ConsolidateRoot, " + result.Root : path)})");
            return ExitCodes.UsageOrInputError;
        }

        var graph = result.Model.References;
        var edges = to is not null ? graph.Into(file, depth) : graph.OutOf(file, depth);
        if (format == "json")
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                WriteJson(json, file, to is not null ? "to" : "from", edges);
            stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Clean;
        }

        stdout.WriteLine(to is not null ? $"{edges.Count} reference(s) into {file}:" : $"{edges.Count} reference(s) out of {file}:");
        foreach (var (reference, level) in edges)
        {
            var state = reference.Resolved ? "" : reference.Unknowable is null ? "  [dangling]" : $"  [unknown: {reference.Unknowable}]";
            var indent = new string(' ', 2 * level);
            stdout.WriteLine($"{indent}{reference.Source}:{reference.Line} {ReportNames.Of(reference.Kind)} -> {reference.Target}{state}");
        }

        return ExitCodes.Clean;
    }

    private static void WriteJson(Utf8JsonWriter json, string file, string direction, IReadOnlyList<(Reference Reference, int Depth)> edges)
    {
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteString("direction", direction);
        json.WriteStartArray("references");
        foreach (var (reference, level) in edges)
        {
            json.WriteStartObject();
            json.WriteString("source", reference.Source);
            json.WriteNumber("line", reference.Line);
            json.WriteString("target", reference.Target);
            json.WriteString("kind", ReportNames.Of(reference.Kind));
            json.WriteBoolean("resolved", reference.Resolved);
            json.WriteNumber("depth", level);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
