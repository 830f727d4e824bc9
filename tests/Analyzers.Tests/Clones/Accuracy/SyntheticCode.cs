using System.Globalization;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>
/// Random but realistic statements, units (functions, stages) and file preludes for Python, shell and Dockerfiles,
/// from a seeded <see cref="Random"/>: many statement shapes, a large name pool, commands with their usual options.
/// </summary>
internal sealed class SyntheticCode
{
    private static readonly string[] Words =
    [
        "user", "config", "path", "items", "result", "client", "session", "record", "batch", "cache", "queue", "worker",
        "token", "request", "response", "payload", "target", "source", "bucket", "entry", "report", "metric", "event",
        "handler", "buffer", "stream", "index", "offset", "limit", "window", "schema", "table", "column", "row", "field",
        "image", "volume", "network", "service", "cluster", "node", "region", "zone", "account", "project", "release",
        "branch", "commit", "build", "artifact", "package", "module", "plugin", "agent", "task", "job", "step", "stage",
        "retry", "timeout", "delay", "backoff", "counter", "total", "summary", "detail", "status", "state", "phase",
        "owner", "group", "policy", "rule", "filter", "match", "pattern", "prefix", "suffix", "header", "footer", "body",
        "secret", "key", "cert", "domain", "host", "port", "socket", "channel", "topic", "message", "signal", "hook",
        "snapshot", "backup", "archive", "mirror", "remote", "nearby", "parent", "child", "leaf", "root", "tree", "graph",
    ];

    private static readonly string[] Exceptions = ["ValueError", "KeyError", "RuntimeError", "OSError", "TimeoutError", "LookupError"];

    /// <summary>Commands with their subcommands, options (a trailing space: the option takes a value) and argument counts.</summary>
    private static readonly (string Name, string[] Subcommands, string[] Options, int MinArguments, int MaxArguments)[] Commands =
    [
        ("docker", ["build", "push", "run", "pull", "tag", "rm"], ["--pull", "-t ", "-f ", "--rm", "-d", "--name ", "--network "], 1, 2),
        ("kubectl", ["apply", "delete", "rollout", "get", "logs"], ["-f ", "-n ", "--context ", "--wait", "-o "], 1, 2),
        ("git", ["clone", "fetch", "checkout", "tag", "push", "pull"], ["--depth ", "-b ", "--force", "--quiet", "-a"], 1, 2),
        ("curl", [], ["-fsSL", "-o ", "-H ", "--retry ", "-X ", "--data "], 1, 1),
        ("tar", [], ["-xzf ", "-czf ", "-C ", "--strip-components "], 1, 2),
        ("mkdir", [], ["-p", "-m "], 1, 2), ("cp", [], ["-r", "-a", "-f"], 2, 2), ("mv", [], ["-f", "-n"], 2, 2),
        ("sed", [], ["-i", "-e ", "-n"], 1, 2), ("grep", [], ["-q", "-r", "-v", "-E ", "-l"], 1, 2),
        ("pip", ["install", "download", "wheel"], ["--no-cache-dir", "-r ", "--upgrade", "-t "], 1, 2),
        ("npm", ["ci", "install", "run", "publish"], ["--prefix ", "--omit ", "--silent"], 0, 1),
        ("systemctl", ["restart", "enable", "stop", "reload"], ["--now", "--quiet"], 1, 1),
        ("chmod", [], ["-R", "+x", "0755"], 1, 2), ("chown", [], ["-R", "-h"], 2, 2), ("ln", [], ["-s", "-f", "-n"], 2, 2),
        ("rsync", [], ["-a", "--delete", "-z", "--exclude ", "-e "], 2, 2), ("ssh", [], ["-o ", "-i ", "-p "], 1, 2),
        ("aws", ["s3", "ecr", "sts"], ["--region ", "--profile ", "--recursive"], 1, 2), ("jq", [], ["-r", "-e", "-c", "--arg "], 1, 2),
        ("python3", [], ["-m ", "-u", "--config "], 1, 2), ("make", [], ["-C ", "-j ", "-k"], 1, 2), ("find", [], ["-name ", "-type ", "-mtime ", "-delete"], 1, 1),
        ("helm", ["upgrade", "install", "template", "lint"], ["--install", "--wait", "-f ", "--set ", "-n "], 1, 2),
        ("terraform", ["init", "plan", "apply", "fmt"], ["-auto-approve", "-input=false", "-var-file=", "-chdir="], 0, 1),
        ("openssl", ["rand", "req", "x509"], ["-hex ", "-out ", "-new", "-nodes"], 1, 1), ("sort", [], ["-u", "-n", "-o ", "-k "], 1, 1),
        ("unzip", [], ["-q", "-o", "-d "], 1, 1), ("gzip", [], ["-9", "-k", "-d"], 1, 1), ("sleep", [], [], 1, 1),
        ("go", ["build", "test", "mod", "vet"], ["-o ", "-race", "-v", "-ldflags "], 1, 1), ("journalctl", [], ["-u ", "--since ", "-f", "--no-pager"], 0, 0),
        ("ansible-playbook", [], ["-i ", "--check", "-e ", "--limit "], 1, 1), ("gpg", [], ["--batch", "--verify", "--import"], 1, 2),
        ("zip", [], ["-q", "-r", "-9"], 2, 2), ("scp", [], ["-q", "-r", "-P "], 2, 2), ("useradd", [], ["-m", "-s ", "-u ", "-g "], 1, 1),
        ("htpasswd", [], ["-b", "-c", "-B"], 2, 3), ("certbot", ["renew", "certonly"], ["--quiet", "--deploy-hook ", "-d "], 0, 1),
        ("redis-cli", [], ["-h ", "-p ", "-n "], 1, 2), ("pg_dump", [], ["-Fc", "-h ", "-U ", "-f "], 1, 1), ("nc", [], ["-z", "-w "], 2, 2),
        ("awk", [], ["-F ", "-v "], 1, 2), ("xargs", [], ["-r", "-n ", "-P "], 1, 2), ("envsubst", [], [], 0, 1), ("cat", [], ["-n"], 1, 2),
    ];

    private static readonly string[] Images = ["python:3.12-slim", "node:20-alpine", "golang:1.22", "debian:12-slim", "ubuntu:24.04", "alpine:3.20", "eclipse-temurin:21-jre", "nginx:1.27"];

    private readonly Random random;
    private int fresh;

    public SyntheticCode(Random random) => this.random = random;

    /// <summary>Collects the identifier and literal slots of a template while it is written.</summary>
    private sealed class TemplateBuilder
    {
        public List<string> Ids { get; } = [];

        public List<string> Literals { get; } = [];

        public string Id(string name)
        {
            Ids.Add(name);
            return "@i" + (Ids.Count - 1) + "@";
        }

        public string Lit(string value)
        {
            Literals.Add(value);
            return "@l" + (Literals.Count - 1) + "@";
        }
    }

    public string Id()
    {
        var word = Words[random.Next(Words.Length)];
        return random.Next(3) == 0 ? word : word + "_" + Words[random.Next(Words.Length)] + (++fresh % 7 == 0 ? fresh.ToString(CultureInfo.InvariantCulture) : "");
    }

    public string Word() => Words[random.Next(Words.Length)];

    public string PythonLiteral() => random.Next(3) == 0
        ? random.Next(2, 5000).ToString(CultureInfo.InvariantCulture)
        : "\"" + Word() + (random.Next(2) == 0 ? " " + Word() : "") + "\"";

    public string ShellLiteral() => random.Next(5) switch
    {
        0 => "/opt/" + Word() + "/" + Word(),
        1 => "\"" + Word() + "-" + Word() + "\"",
        2 => "https://" + Word() + ".example.com/" + Word() + ".tar.gz",
        3 => Word() + "." + (random.Next(2) == 0 ? "yaml" : "conf"),
        _ => Word() + "-" + random.Next(1, 99).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A literal of the same shape as <paramref name="old"/>, for renamed copies.</summary>
    public string LiteralLike(string old, Language language)
    {
        if (old.Length > 0 && char.IsDigit(old[0]))
            return random.Next(2, 5000).ToString(CultureInfo.InvariantCulture);
        if (language == Language.Python)
            return "\"" + Word() + " " + Word() + "\"";
        if (old.Length > 0 && char.IsLetter(old[0]) && old.All(c => char.IsLetterOrDigit(c) || c == '-'))
            return Word() + "-" + Word();
        if (old.StartsWith("--", StringComparison.Ordinal))
            return "--" + Word();
        return language == Language.Dockerfile && old.Contains(':') && !old.Contains('/') ? Images[random.Next(Images.Length)] : ShellLiteral();
    }

    // ---- Python ---------------------------------------------------------------------------------------------------

    public SyntheticStatement PythonStatement(int depth = 0, string? avoidShape = null)
    {
        while (true)
        {
            var t = new TemplateBuilder();
            List<SyntheticStatement>? body = null;
            string text;
            var choice = random.Next(depth >= 2 ? 8 : 12);
            switch (choice)
            {
                case 0 or 1:
                    text = Target(t) + " = " + Expression(t, 0);
                    break;
                case 2:
                    text = t.Id(Id()) + " " + new[] { "+=", "-=", "|=", "*=" }[random.Next(4)] + " " + Expression(t, 1);
                    break;
                case 3 or 4:
                    text = Call(t, 0);
                    break;
                case 5:
                    text = "return " + Expression(t, 0);
                    break;
                case 6:
                    text = "raise " + t.Id(Exceptions[random.Next(Exceptions.Length)]) + "(" + Expression(t, 1) + ")";
                    break;
                case 7:
                    text = "assert " + Expression(t, 1) + ", " + t.Lit(PythonLiteral());
                    break;
                case 8:
                    text = "if " + Expression(t, 0) + ":";
                    break;
                case 9:
                    text = "for " + t.Id(Id()) + " in " + Expression(t, 0) + ":";
                    break;
                case 10:
                    text = "with " + Call(t, 1) + " as " + t.Id(Id()) + ":";
                    break;
                default:
                    text = "while " + Expression(t, 1) + ":";
                    break;
            }

            if (choice >= 8)
                body = Enumerable.Range(0, random.Next(1, 4)).Select(_ => PythonStatement(depth + 1)).ToList();
            if (text == avoidShape)
                continue;
            return new SyntheticStatement(text, t.Ids, t.Literals, body);
        }
    }

    private string Target(TemplateBuilder t) => random.Next(5) switch
    {
        0 => t.Id(Id()) + "." + t.Id(Id()),
        1 => t.Id(Id()) + "[" + t.Lit(PythonLiteral()) + "]",
        2 => t.Id(Id()) + ", " + t.Id(Id()),
        _ => t.Id(Id()),
    };

    private string Expression(TemplateBuilder t, int depth)
    {
        // "not" only as a whole expression: "a < not b" is not Python.
        var choice = random.Next(depth >= 2 ? 3 : depth == 0 ? 11 : 10);
        return choice switch
        {
            0 => t.Id(Id()),
            1 => t.Id(Id()) + "." + t.Id(Id()) + (random.Next(3) == 0 ? "." + t.Id(Id()) : ""),
            2 => t.Lit(PythonLiteral()),
            3 or 4 or 5 => Call(t, depth),
            6 => t.Id(Id()) + "[" + Expression(t, depth + 1) + "]",
            7 => Expression(t, depth + 1) + " " + new[] { "+", "-", "*", "==", "!=", "<", ">=", "and", "or", "in", "not in", "%" }[random.Next(12)] + " " + Expression(t, depth + 1),
            8 => "[" + Expression(t, depth + 1) + " for " + t.Id(Id()) + " in " + Expression(t, depth + 1) + (random.Next(2) == 0 ? " if " + Expression(t, depth + 1) : "") + "]",
            9 => "{" + t.Lit(PythonLiteral()) + ": " + Expression(t, depth + 1) + (random.Next(2) == 0 ? ", " + t.Lit(PythonLiteral()) + ": " + Expression(t, depth + 1) : "") + "}",
            _ => "not " + Expression(t, depth + 1),
        };
    }

    private string Call(TemplateBuilder t, int depth)
    {
        var callee = random.Next(4) switch
        {
            0 => t.Id(new[] { "len", "sorted", "list", "dict", "str", "int", "isinstance", "open", "print", "max", "min" }[random.Next(11)]),
            1 => t.Id(Id()),
            _ => t.Id(Id()) + "." + t.Id(Id()),
        };
        // Positional arguments first, then keyword arguments, as Python requires.
        var count = random.Next(0, 4);
        var keywords = random.Next(0, count + 1) / 2;
        var arguments = Enumerable.Range(0, count)
            .Select(i => i >= count - keywords ? t.Id(Id()) + "=" + Expression(t, depth + 1) : Expression(t, depth + 1))
            .ToList();
        return callee + "(" + string.Join(", ", arguments) + ")";
    }

    public SyntheticStatement PythonFunction(int minimumTokens)
    {
        var parameters = random.Next(1, 4);
        var header = "def @i0@(" + string.Join(", ", Enumerable.Range(1, parameters).Select(i => "@i" + i + "@")) + "):";
        var ids = Enumerable.Range(0, parameters + 1).Select(_ => Id()).ToList();
        var body = new List<SyntheticStatement>();
        while (body.Count < 6 || EstimateTokens(body) < minimumTokens)
            body.Add(PythonStatement());
        return new SyntheticStatement(header, ids, [], body);
    }

    public List<string> PythonImports(int count)
    {
        var modules = new[] { "os", "sys", "json", "logging", "argparse", "pathlib", "subprocess", "re", "time", "typing", "shutil", "collections" };
        return modules.OrderBy(_ => random.Next()).Take(count).Order(StringComparer.Ordinal).Select(m => "import " + m).ToList();
    }

    // ---- Shell ----------------------------------------------------------------------------------------------------

    public SyntheticStatement ShellCommand(string? avoidShape = null)
    {
        while (true)
        {
            var t = new TemplateBuilder();
            var text = Command(t);
            if (random.Next(5) == 0)
                text += new[] { " | " + Command(t), " > " + t.Lit(ShellLiteral()), " 2>/dev/null", " || true", " >> " + t.Lit(ShellLiteral()) }[random.Next(5)];
            if (text != avoidShape)
                return new SyntheticStatement(text, t.Ids, t.Literals);
        }
    }

    private string Command(TemplateBuilder t)
    {
        var (name, subcommands, options, min, max) = Commands[random.Next(Commands.Length)];
        var parts = new List<string> { name };
        if (subcommands.Length > 0)
            parts.Add(subcommands[random.Next(subcommands.Length)]);
        foreach (var option in options.OrderBy(_ => random.Next()).Take(random.Next(0, Math.Min(3, options.Length) + 1)))
            parts.Add(option.EndsWith(' ') || option.EndsWith('=') ? option + Argument(t) : option);
        for (var i = random.Next(min, max + 1); i > 0; i--)
            parts.Add(Argument(t));
        return string.Join(" ", parts);
    }

    private string Argument(TemplateBuilder t) => random.Next(5) == 0
        ? "\"$" + t.Id(Id().ToUpperInvariant()) + "\""
        : t.Lit(ShellLiteral());

    public SyntheticStatement ShellStatement(int depth = 0, string? avoidShape = null)
    {
        while (true)
        {
            var choice = random.Next(10);
            var t = new TemplateBuilder();
            SyntheticStatement statement = choice switch
            {
                0 => new SyntheticStatement(t.Id(Id().ToUpperInvariant()) + "=" + Argument(t), t.Ids, t.Literals),
                1 when depth < 2 => new SyntheticStatement("if [ " + new[] { "-f", "-d", "-n", "-z" }[random.Next(4)] + " " + Argument(t) + " ]; then", t.Ids, t.Literals,
                    Enumerable.Range(0, random.Next(1, 3)).Select(_ => ShellStatement(depth + 1)).ToList(), "fi"),
                2 when depth < 2 => new SyntheticStatement("for " + t.Id(Id()) + " in " + string.Join(" ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Argument(t))) + "; do", t.Ids, t.Literals,
                    Enumerable.Range(0, random.Next(1, 3)).Select(_ => ShellStatement(depth + 1)).ToList(), "done"),
                3 => new SyntheticStatement("echo \"" + t.Lit(Word() + " " + Word()) + " $" + t.Id(Id().ToUpperInvariant()) + "\"", t.Ids, t.Literals),
                _ => ShellCommand(),
            };
            if (statement.Shape != avoidShape)
                return statement;
        }
    }

    public SyntheticStatement ShellFunction(int minimumTokens)
    {
        var body = new List<SyntheticStatement> { new("local @i0@=\"$1\"", [Id()], []) };
        while (body.Count < 7 || EstimateTokens(body) < minimumTokens)
            body.Add(ShellStatement());
        return new SyntheticStatement("@i0@() {", [Id()], [], body, "}");
    }

    /// <summary>A rough count of the tokens a frontend would see: words and punctuation.</summary>
    public static int EstimateTokens(IEnumerable<SyntheticStatement> statements)
    {
        var lines = new List<string>();
        foreach (var statement in statements)
            statement.Render(lines, "", "  ");
        return lines.Sum(l => System.Text.RegularExpressions.Regex.Matches(l, @"[\w./:-]+|[^\w\s]").Count);
    }

    // ---- Dockerfile -----------------------------------------------------------------------------------------------

    public SyntheticStatement DockerInstruction(string? avoidShape = null, bool allowRun = true)
    {
        while (true)
        {
            var choice = random.Next(allowRun ? 9 : 6);
            SyntheticStatement statement = choice switch
            {
                0 => new SyntheticStatement("WORKDIR @l0@", [], [ShellLiteral()]),
                1 => new SyntheticStatement("COPY @l0@ @l1@", [], [Word() + "/", "/srv/" + Word() + "/"]),
                2 => new SyntheticStatement("ENV @l0@=@l1@", [], [Word().ToUpperInvariant(), Word()]),
                3 => new SyntheticStatement("EXPOSE @l0@", [], [random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)]),
                4 => new SyntheticStatement("LABEL @l0@=@l1@", [], ["org." + Word(), "\"" + Word() + "\""]),
                5 => new SyntheticStatement("CMD [\"@l0@\", \"@l1@\"]", [], [Word(), "--" + Word()]),
                _ => DockerRun(),
            };
            if (statement.Shape != avoidShape)
                return statement;
        }
    }

    private SyntheticStatement DockerRun()
    {
        var first = ShellCommand();
        var rest = Enumerable.Range(0, random.Next(0, 3)).Select(_ => ShellCommand()).ToList();
        return new SyntheticStatement("RUN " + first.Template, first.Ids, first.Literals, rest, continued: true);
    }

    public SyntheticStatement DockerStage(int minimumTokens, string? name)
    {
        var body = new List<SyntheticStatement> { DockerRun() };
        while (body.Count < 7 || EstimateTokens(body) < minimumTokens)
            body.Add(DockerInstruction());
        return new SyntheticStatement(name is null ? "FROM @l0@" : "FROM @l0@ AS @l1@", [], name is null ? [Images[random.Next(Images.Length)]] : [Images[random.Next(Images.Length)], name], body);
    }
}
