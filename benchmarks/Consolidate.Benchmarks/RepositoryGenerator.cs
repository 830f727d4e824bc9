using System.Globalization;
using System.Text;

namespace Consolidate.Benchmarks;

/// <summary>
/// Writes a synthetic polyglot repository of a given number of files for the scaling series (benchmarks/run.sh
/// --generate): services, agents and libraries with Python modules (classes, methods, imports of each other), shell
/// scripts (functions, sourcing and calling each other), Dockerfiles and compose files that build them, and the prose
/// and data files around them, in roughly the proportions of a real agent platform (sutazai v76: of the text files a
/// scan reads, about a third Python, a tenth shell, a twentieth Dockerfiles, the rest prose and data). File sizes follow
/// ordinary projects (Python modules about 70 lines) rather than one repository's outliers, so the series measures how the
/// tool scales with the number of files, not with one giant file.
/// <para>Planted clones, so the clone engine has work proportional to the size: about 4% of the Python modules and
/// shell scripts are copied (exactly, with identifiers renamed, or with statements added and removed) to 1–3 other
/// places, and about 3% of the modules take a function from another module. Everything comes from one seeded
/// <see cref="Random"/>: the same arguments write the same bytes.</para>
/// </summary>
public sealed class RepositoryGenerator
{
    private static readonly string[] Words =
    [
        "agent", "task", "queue", "worker", "model", "cache", "config", "health", "metric", "event", "session", "token",
        "request", "response", "payload", "client", "server", "router", "handler", "schema", "record", "batch", "stream",
        "message", "channel", "policy", "limit", "budget", "report", "monitor", "index", "vector", "embedding", "prompt",
        "context", "memory", "plan", "step", "result", "status", "backend", "frontend", "gateway", "store", "registry",
        "service", "deploy", "build", "image", "volume", "network", "secret", "user", "account", "audit", "trace", "span",
        "retry", "timeout", "window", "score", "rank", "filter", "parser", "loader", "writer", "reader", "sync", "batcher",
        "local", "remote", "primary", "replica", "shard", "node", "cluster", "job", "schedule", "cron", "hook", "plugin",
    ];

    private static readonly string[] BaseImages = ["python:3.12-slim", "python:3.11-slim", "alpine:3.20", "debian:bookworm-slim", "node:20-alpine", "ubuntu:24.04"];

    private readonly Random random;
    private readonly string root;
    private readonly List<string> pythonModules = [];
    private readonly List<string> scripts = [];
    private readonly Dictionary<string, string> written = new(StringComparer.Ordinal);
    private int files;

    private RepositoryGenerator(string root, int seed)
    {
        this.root = root;
        random = new Random(seed);
    }

    /// <summary>Writes about <paramref name="fileCount"/> files under <paramref name="root"/> (which must not exist yet); returns the number written.</summary>
    public static int Generate(string root, int fileCount, int seed = 42)
    {
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            throw new InvalidOperationException($"{root} is not empty: the generator only writes into a new folder");
        var generator = new RepositoryGenerator(root, seed);
        generator.Run(fileCount);
        return generator.files;
    }

    private void Run(int target)
    {
        Write(".gitignore", "__pycache__/\n*.pyc\n.venv/\nnode_modules/\n*.log\n");
        Write("README.md", Prose("platform", 40));
        // A service is about 20 files: its package, scripts, image, docs and data.
        var service = 0;
        while (files < target)
        {
            var area = (service % 4) switch { 0 => "services", 1 => "agents", 2 => "libs", _ => "tools" };
            Service($"{area}/{Name(2, "-")}-{service.ToString(CultureInfo.InvariantCulture)}", target);
            service++;
        }
    }

    private void Service(string folder, int target)
    {
        var package = folder.Replace('-', '_');
        var modules = random.Next(3, 8);
        Write($"{package}/__init__.py", "");
        for (var i = 0; i < modules && files < target; i++)
        {
            var path = $"{package}/{Name(2, "_")}.py";
            if (written.ContainsKey(path))
                continue;
            var text = random.NextDouble() < 0.04 && pythonModules.Count > 0 ? Cloned(pythonModules[random.Next(pythonModules.Count)]) : Module(package);
            Write(path, text);
            pythonModules.Add(path);
        }

        if (files < target)
            Write($"{package}/tests/test_{Name(1, "_")}.py", Module(package));
        for (var i = random.Next(1, 4); i > 0 && files < target; i--)
        {
            var path = $"{folder}/scripts/{Name(2, "_")}.sh";
            if (written.ContainsKey(path))
                continue;
            Write(path, random.NextDouble() < 0.04 && scripts.Count > 0 ? Cloned(scripts[random.Next(scripts.Count)]) : Script(folder));
            scripts.Add(path);
        }

        if (files < target)
            Write($"{folder}/Dockerfile", Dockerfile(folder, package));
        if (files < target && random.NextDouble() < 0.25)
            Write($"{folder}/docker-compose.yml", Compose(folder));
        if (files < target)
            Write($"{folder}/requirements.txt", string.Join("\n", Enumerable.Range(0, random.Next(3, 12)).Select(_ => $"{Name(1, "-")}=={random.Next(0, 5)}.{random.Next(0, 20)}.{random.Next(0, 9)}")) + "\n");
        for (var i = random.Next(3, 10); i > 0 && files < target; i--)
            Write($"{folder}/docs/{Name(2, "-")}.md", Prose(Name(2, " "), random.Next(15, 80)));
        for (var i = random.Next(2, 6); i > 0 && files < target; i--)
            Write($"{folder}/config/{Name(1, "_")}.json", Json(random.Next(8, 60)));
        if (files < target && random.NextDouble() < 0.5)
            Write($"{folder}/config/{Name(1, "_")}.yaml", string.Join("\n", Enumerable.Range(0, random.Next(5, 30)).Select(_ => $"{Name(1, "_")}: {Value()}")) + "\n");
    }

    private string Module(string package)
    {
        var text = new StringBuilder();
        text.Append("\"\"\"").Append(Sentence()).Append("\"\"\"\n\n");
        foreach (var module in new[] { "os", "sys", "json", "logging", "time", "typing", "pathlib", "asyncio", "dataclasses" }.Where(_ => random.NextDouble() < 0.4))
            text.Append("import ").Append(module).Append('\n');
        for (var i = random.Next(0, 4); i > 0 && pythonModules.Count > 0; i--)
        {
            var other = pythonModules[random.Next(pythonModules.Count)];
            var dotted = other[..^3].Replace('/', '.');
            text.Append(random.NextDouble() < 0.5 ? $"import {dotted}\n" : $"from {dotted[..dotted.LastIndexOf('.')]} import {dotted[(dotted.LastIndexOf('.') + 1)..]}\n");
        }

        text.Append("\nlogger = logging.getLogger(__name__)\n").Append(Name(2, "_").ToUpperInvariant()).Append(" = ").Append(Value()).Append("\n\n");
        var borrowed = random.NextDouble() < 0.03 && pythonModules.Count > 0 ? BorrowedFunction(pythonModules[random.Next(pythonModules.Count)]) : null;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            if (random.NextDouble() < 0.6)
                Class(text);
            else
                Function(text, "", "");
        }

        if (borrowed is not null)
            text.Append('\n').Append(borrowed);
        return text.ToString();
    }

    private void Class(StringBuilder text)
    {
        var name = Pascal(Name(2, " "));
        text.Append("\n\nclass ").Append(name).Append(random.NextDouble() < 0.4 ? "(" + Pascal(Name(1, " ")) + "Base)" : "").Append(":\n");
        text.Append("    \"\"\"").Append(Sentence()).Append("\"\"\"\n\n");
        text.Append("    def __init__(self, ").Append(Name(1, "_")).Append(", ").Append(Name(1, "_")).Append("=None):\n");
        for (var i = random.Next(2, 5); i > 0; i--)
            text.Append("        self.").Append(Name(1, "_")).Append(" = ").Append(Value()).Append('\n');
        for (var i = random.Next(1, 5); i > 0; i--)
            Function(text, "    ", "self, ");
    }

    private void Function(StringBuilder text, string indent, string self)
    {
        text.Append('\n').Append(indent).Append(random.NextDouble() < 0.2 ? "async def " : "def ").Append(Name(2, "_")).Append('(').Append(self)
            .Append(string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Name(1, "_")))).Append("):\n");
        text.Append(indent).Append("    \"\"\"").Append(Sentence()).Append("\"\"\"\n");
        Statements(text, indent + "    ", random.Next(2, 10), 0);
    }

    /// <summary>
    /// Statements of many shapes built from random expressions: real code varies in structure, not only in names,
    /// and the clone engine compares structure (names and literals abstracted), so same-shaped filler would make every
    /// function a near copy of every other.
    /// </summary>
    private void Statements(StringBuilder text, string indent, int count, int depth, bool inLoop = false)
    {
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var inner = indent + "    ";
            if (roll < 0.22)
            {
                var target = Target();
                text.Append(indent).Append(target).Append(random.Next(6) == 0 && !target.Contains(',') ? " += " : " = ").Append(Expression(2)).Append('\n');
            }
            else if (roll < 0.34)
                text.Append(indent).Append(Call(2)).Append('\n');
            else if (roll < 0.40)
                text.Append(indent).Append("logger.").Append(random.Next(3) switch { 0 => "info", 1 => "debug", _ => "warning" }).Append("(\"").Append(Sentence()).Append(" %s\", ").Append(Expression(1)).Append(")\n");
            else if (roll < 0.50 && depth < 3)
            {
                text.Append(indent).Append("if ").Append(Condition()).Append(":\n");
                Statements(text, inner, random.Next(1, 4), depth + 1, inLoop);
                for (var elif = random.Next(3) == 0 ? random.Next(1, 3) : 0; elif > 0; elif--)
                {
                    text.Append(indent).Append("elif ").Append(Condition()).Append(":\n");
                    Statements(text, inner, random.Next(1, 3), depth + 1, inLoop);
                }

                if (random.NextDouble() < 0.35)
                {
                    text.Append(indent).Append("else:\n");
                    Statements(text, inner, random.Next(1, 3), depth + 1, inLoop);
                }
            }
            else if (roll < 0.57 && depth < 3)
            {
                text.Append(indent).Append("for ").Append(random.Next(3) == 0 ? Name(1, "_") + ", " + Name(1, "_") : Name(1, "_")).Append(" in ").Append(Expression(1)).Append(":\n");
                Statements(text, inner, random.Next(1, 4), depth + 1, inLoop: true);
            }
            else if (roll < 0.60 && depth < 3)
            {
                text.Append(indent).Append("while ").Append(Condition()).Append(":\n");
                Statements(text, inner, random.Next(1, 3), depth + 1, inLoop: true);
            }
            else if (roll < 0.65 && depth < 3)
            {
                text.Append(indent).Append("try:\n");
                Statements(text, inner, random.Next(1, 4), depth + 1, inLoop);
                text.Append(indent).Append("except ").Append(random.Next(3) switch { 0 => "Exception", 1 => "(ValueError, KeyError)", _ => Pascal(Name(1, " ")) + "Error" }).Append(" as error:\n");
                Statements(text, inner, random.Next(1, 3), depth + 1, inLoop);
                if (random.NextDouble() < 0.2)
                {
                    text.Append(indent).Append("finally:\n");
                    Statements(text, inner, 1, depth + 1, inLoop);
                }
            }
            else if (roll < 0.69 && depth < 3)
            {
                text.Append(indent).Append(random.Next(4) == 0 ? "async with " : "with ").Append(Call(1)).Append(" as ").Append(Name(1, "_")).Append(":\n");
                Statements(text, inner, random.Next(1, 3), depth + 1, inLoop);
            }
            else if (roll < 0.74)
                text.Append(indent).Append("# ").Append(Sentence()).Append('\n').Append(indent).Append(Target()).Append(" = ").Append(Expression(1)).Append('\n');
            else if (roll < 0.78)
                text.Append(indent).Append("raise ").Append(Pascal(Name(1, " "))).Append("Error(f\"").Append(Sentence()).Append(" {").Append(Name(1, "_")).Append("!r}\")\n");
            else if (roll < 0.81)
                text.Append(indent).Append("assert ").Append(Condition()).Append(", \"").Append(Sentence()).Append("\"\n");
            else if (roll < 0.84 && inLoop)
                text.Append(indent).Append(random.Next(2) == 0 ? "continue" : "break").Append('\n');
            else if (roll < 0.90)
                text.Append(indent).Append(Name(1, "_")).Append(" = ").Append(Comprehension()).Append('\n');
            else
                text.Append(indent).Append("return ").Append(random.Next(5) == 0 ? Expression(1) + ", " + Expression(1) : Expression(2)).Append('\n');
        }
    }

    private string Target() => random.Next(5) switch
    {
        0 => "self." + Name(1, "_"),
        1 => Name(1, "_") + "[" + Expression(0) + "]",
        2 => Name(1, "_") + ", " + Name(1, "_"),
        _ => Name(1, "_"),
    };

    private string Expression(int depth)
    {
        var roll = depth <= 0 ? random.Next(5) : random.Next(14);
        return roll switch
        {
            0 or 1 => Name(1, "_"),
            2 => Value(),
            3 => Name(1, "_") + "." + Name(1, "_") + (random.Next(3) == 0 ? "." + Name(1, "_") : ""),
            4 => "\"" + Name(random.Next(1, 4), " ") + "\"",
            5 or 6 or 7 => Call(depth - 1),
            8 => Expression(depth - 1) + (random.Next(6) switch { 0 => " + ", 1 => " - ", 2 => " * ", 3 => " / ", 4 => " % ", _ => " // " }) + Expression(depth - 1),
            9 => Name(1, "_") + "[" + Expression(depth - 1) + "]",
            10 => "{" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => "\"" + Name(1, "_") + "\": " + Expression(depth - 1))) + "}",
            11 => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Expression(depth - 1))) + "]",
            12 => "f\"" + Name(1, " ") + " {" + Name(1, "_") + "}" + (random.Next(2) == 0 ? " {" + Name(1, "_") + ":>" + random.Next(2, 12) + "}" : "") + "\"",
            _ => "(" + Expression(depth - 1) + " if " + Condition() + " else " + Expression(depth - 1) + ")",
        };
    }

    private string Call(int depth)
    {
        var callee = random.Next(4) switch
        {
            0 => Name(1, "_"),
            1 => "self." + Name(2, "_"),
            2 => Name(1, "_") + "." + Name(2, "_"),
            _ => Name(1, "_") + "." + Name(1, "_") + "." + Name(1, "_"),
        };
        var arguments = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Expression(depth)).ToList();
        for (var k = random.Next(3) == 0 ? random.Next(1, 3) : 0; k > 0; k--)
            arguments.Add(Name(1, "_") + "=" + Expression(depth));
        return callee + "(" + string.Join(", ", arguments) + ")";
    }

    private string Condition() => random.Next(7) switch
    {
        0 => Name(1, "_") + " is None",
        1 => "not " + Name(1, "_"),
        2 => Expression(1) + (random.Next(4) switch { 0 => " > ", 1 => " <= ", 2 => " == ", _ => " != " }) + Expression(1),
        3 => Name(1, "_") + " in " + Name(1, "_"),
        4 => "isinstance(" + Name(1, "_") + ", " + Pascal(Name(1, " ")) + ")",
        5 => Condition() + (random.Next(2) == 0 ? " and " : " or ") + Name(1, "_"),
        _ => Call(0),
    };

    private string Comprehension()
    {
        var item = Name(1, "_");
        var body = random.Next(3) switch
        {
            0 => item + "." + Name(1, "_"),
            1 => Name(1, "_") + "." + Name(1, "_") + "(" + item + ")",
            _ => Name(1, "_") + "(" + item + ", " + Expression(0) + ")",
        };
        var filter = random.Next(2) == 0 ? " if " + item + "." + Name(1, "_") : "";
        return random.Next(3) switch
        {
            0 => "{" + item + ": " + body + " for " + item + " in " + Name(1, "_") + filter + "}",
            1 => "sorted(" + body + " for " + item + " in " + Name(1, "_") + filter + ")",
            _ => "[" + body + " for " + item + " in " + Name(1, "_") + filter + "]",
        };
    }

    private string Script(string folder)
    {
        var text = new StringBuilder("#!/usr/bin/env bash\nset -euo pipefail\n\n");
        text.Append("SCRIPT_DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n");
        text.Append(Name(1, "_").ToUpperInvariant()).Append("=\"${").Append(Name(1, "_").ToUpperInvariant()).Append(":-").Append(Name(1, "-")).Append("}\"\n\n");
        if (scripts.Count > 0 && random.NextDouble() < 0.3)
            text.Append("source \"$SCRIPT_DIR/").Append(Path.GetFileName(scripts[random.Next(scripts.Count)])).Append("\"\n");
        for (var f = random.Next(1, 4); f > 0; f--)
        {
            text.Append('\n').Append(Name(2, "_")).Append("() {\n");
            for (var i = random.Next(2, 8); i > 0; i--)
                text.Append("  ").Append(Command(folder)).Append('\n');
            text.Append("}\n");
        }

        text.Append("\nmain() {\n  if [ \"$#\" -lt 1 ]; then\n    echo \"usage: $0 ").Append(Name(1, "-")).Append("\" >&2\n    exit 2\n  fi\n");
        for (var i = random.Next(2, 10); i > 0; i--)
            text.Append("  ").Append(Command(folder)).Append('\n');
        text.Append("}\n\nmain \"$@\"\n");
        return text.ToString();
    }

    private string Command(string folder) => random.Next(8) switch
    {
        0 => $"echo \"{Sentence()}\"",
        1 => $"docker compose -f \"$SCRIPT_DIR/../docker-compose.yml\" up -d {Name(1, "-")}",
        2 => $"curl -fsS --retry 3 \"http://localhost:{random.Next(3000, 9000)}/{Name(1, "/")}\" > /dev/null",
        3 => $"python3 \"$SCRIPT_DIR/../{folder.Replace('-', '_')}/{(pythonModules.Count > 0 ? Path.GetFileName(pythonModules[random.Next(pythonModules.Count)]) : "main.py")}\" --{Name(1, "-")} \"$1\"",
        4 => $"for {Name(1, "_")} in {Name(1, "_")} {Name(1, "_")}; do echo \"$1\"; done",
        5 => $"[ -f \"{Name(1, "_")}.conf\" ] && cp \"{Name(1, "_")}.conf\" /tmp/",
        6 => $"mkdir -p \"/var/lib/{Name(1, "-")}\"",
        _ => $"{Name(1, "_").ToUpperInvariant()}=$(date +%s)",
    };

    private string Dockerfile(string folder, string package)
    {
        var text = new StringBuilder();
        if (random.NextDouble() < 0.3)
            text.Append("ARG VERSION=").Append(random.Next(1, 9)).Append('.').Append(random.Next(0, 9)).Append('\n');
        text.Append("FROM ").Append(BaseImages[random.Next(BaseImages.Length)]).Append('\n');
        text.Append("WORKDIR /app\n");
        text.Append("RUN apt-get update && apt-get install -y --no-install-recommends ").Append(string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Name(1, "-"))))
            .Append(" \\\n    && rm -rf /var/lib/apt/lists/*\n");
        text.Append("COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n");
        text.Append("COPY . .\n");
        for (var i = random.Next(0, 4); i > 0; i--)
            text.Append("ENV ").Append(Name(1, "_").ToUpperInvariant()).Append('=').Append(Name(1, "-")).Append('\n');
        if (random.NextDouble() < 0.8)
            text.Append("RUN useradd --create-home app\nUSER app\n");
        text.Append("EXPOSE ").Append(random.Next(3000, 9000)).Append('\n');
        text.Append("CMD [\"python\", \"-m\", \"").Append(package.Replace('/', '.')).Append("\"]\n");
        return text.ToString();
    }

    private string Compose(string folder)
    {
        var text = new StringBuilder("services:\n");
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            text.Append("  ").Append(Name(1, "-")).Append(":\n    build: .\n");
            if (random.NextDouble() < 0.5)
                text.Append("    volumes:\n      - ./config:/app/config:ro\n");
            if (random.NextDouble() < 0.6)
                text.Append("    deploy:\n      resources:\n        limits:\n          memory: ").Append(random.Next(1, 8) * 256).Append("m\n");
            text.Append("    environment:\n      - ").Append(Name(1, "_").ToUpperInvariant()).Append('=').Append(Name(1, "-")).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A copy of a module or script: exact, with its identifiers renamed, or with lines added and removed.</summary>
    private string Cloned(string path)
    {
        var lines = written[path].Split('\n').ToList();
        switch (random.Next(3))
        {
            case 0:
                break;
            case 1:
                var renames = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var word in Words.Where(_ => random.NextDouble() < 0.3))
                    renames[word] = word + "_" + Words[random.Next(Words.Length)];
                for (var i = 0; i < lines.Count; i++)
                    foreach (var (from, to) in renames)
                        lines[i] = lines[i].Replace(from, to, StringComparison.Ordinal);
                break;
            default:
                // Statements removed and added, each where the code stays well-formed: a line is removed only when
                // it does not open a block and is not a block's only line.
                static int Indent(string line) => line.Length - line.TrimStart().Length;
                var python = path.EndsWith(".py", StringComparison.Ordinal);
                for (var edits = Math.Max(1, lines.Count / 15); edits > 0 && lines.Count > 4; edits--)
                {
                    var at = random.Next(1, lines.Count - 1);
                    var line = lines[at];
                    if (random.NextDouble() < 0.5)
                    {
                        if (line.Trim().Length > 0 && !line.TrimEnd().EndsWith(':') && !line.TrimEnd().EndsWith('{') && !lines[at - 1].TrimEnd().EndsWith(':')
                            && Indent(lines[at + 1]) == Indent(line) && !line.Contains('}') && !line.Contains("\"\"\"", StringComparison.Ordinal))
                            lines.RemoveAt(at);
                    }
                    else if (line.Trim().Length > 0 && !lines[at - 1].TrimEnd().EndsWith('\\'))
                    {
                        var statement = python ? $"{Name(1, "_")} = {Value()}" : $"echo \"{Sentence()}\"";
                        lines.Insert(at, new string(' ', Indent(line)) + statement);
                    }
                }

                break;
        }

        return string.Join('\n', lines);
    }

    /// <summary>The first top-level function of a module, if it has one, copied as it is.</summary>
    private string? BorrowedFunction(string path)
    {
        var text = written[path];
        var start = text.IndexOf("\ndef ", StringComparison.Ordinal);
        if (start < 0)
            return null;
        var end = text.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return text[(start + 1)..(end < 0 ? text.Length : end + 1)];
    }

    private string Prose(string title, int lines)
    {
        var text = new StringBuilder("# ").Append(Pascal(title)).Append("\n\n");
        for (var i = 0; i < lines; i++)
            text.Append(random.NextDouble() < 0.15 ? "\n## " + Pascal(Name(2, " ")) + "\n\n" : random.NextDouble() < 0.2 ? "- " + Sentence() + "\n" : Sentence() + " " + Sentence() + "\n");
        return text.ToString();
    }

    private string Json(int keys) =>
        "{\n" + string.Join(",\n", Enumerable.Range(0, keys).Select(i => $"  \"{Name(1, "_")}_{i.ToString(CultureInfo.InvariantCulture)}\": {(random.NextDouble() < 0.5 ? random.Next(1000).ToString(CultureInfo.InvariantCulture) : "\"" + Name(2, "-") + "\"")}")) + "\n}\n";

    private string Sentence()
    {
        var words = Name(random.Next(4, 10), " ");
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private string Value() => random.Next(4) switch
    {
        0 => random.Next(10000).ToString(CultureInfo.InvariantCulture),
        1 => "\"" + Name(2, "-") + "\"",
        2 => random.NextDouble() < 0.5 ? "True" : "None",
        _ => "[" + string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(100).ToString(CultureInfo.InvariantCulture))) + "]",
    };

    private string Name(int words, string separator) => string.Join(separator, Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Pascal(string words) => string.Concat(words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private void Write(string relative, string text)
    {
        if (written.ContainsKey(relative))
            return;
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        written[relative] = text;
        files++;
    }
}
