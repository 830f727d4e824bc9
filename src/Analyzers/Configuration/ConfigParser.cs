using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Consolidate.Analyzers.Configuration;

/// <summary>
/// Parses <c>consolidate.yml</c> text. Pure: the caller reads the file. Every problem is a <see cref="ConfigError"/>
/// naming the file, line and key; a config with any error is not used.
/// </summary>
public static class ConfigParser
{
    private static readonly string[] TopLevelKeys = ["terms", "modules", "host", "exclude", "canonical", "installRoots", "pins", "rules", "limits"];

    public static (ConsolidateConfig? Config, ImmutableArray<ConfigError> Errors) Parse(string text, string fileName)
    {
        var errors = ImmutableArray.CreateBuilder<ConfigError>();
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            errors.Add(new ConfigError(fileName, (int)e.Start.Line, "(yaml)", e.InnerException?.Message ?? e.Message));
            return (null, errors.ToImmutable());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet 16 throws these instead of a YamlException for some malformed input (an unclosed flow
            // collection, a block scalar indicator in a plain scalar, an invalid tag); the scanner's position is
            // where it gave up.
            var reason = e is InvalidOperationException ? "invalid YAML syntax (an unclosed '[' or '{', a stray '|' or '>', or similar)" : e.Message;
            errors.Add(new ConfigError(fileName, (int)Math.Max(1, scanner.CurrentPosition.Line), "(yaml)", reason));
            return (null, errors.ToImmutable());
        }

        var config = new ConsolidateConfig { Source = fileName };
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return (config, ImmutableArray<ConfigError>.Empty);
        if (stream.Documents.Count > 1)
            errors.Add(new ConfigError(fileName, (int)stream.Documents[1].RootNode.Start.Line, "(yaml)", "only one YAML document is allowed"));
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ConfigError(fileName, (int)stream.Documents[0].RootNode.Start.Line, "(root)", "expected a mapping of settings"));
            return (null, errors.ToImmutable());
        }

        var context = new Context(fileName, errors);
        foreach (var (keyNode, value) in context.Entries(root, "(root)"))
        {
            var key = keyNode.Value ?? "";
            switch (key)
            {
                case "terms":
                    config = config with { Terms = ReadTerms(context, value) };
                    break;
                case "modules":
                    config = config with { Modules = ReadModules(context, value) };
                    break;
                case "host":
                    config = config with { Host = ReadHost(context, value) };
                    break;
                case "exclude":
                    config = config with { Exclude = context.StringList(value, "exclude", relativePath: false) };
                    break;
                case "canonical":
                    config = config with { Canonical = context.StringList(value, "canonical", relativePath: true) };
                    break;
                case "installRoots":
                    config = config with { InstallRoots = context.StringList(value, "installRoots", relativePath: false) };
                    break;
                case "pins":
                    config = config with { Pins = ReadPins(context, value) };
                    break;
                case "rules":
                    config = config with { Rules = ReadRules(context, value) };
                    break;
                case "limits":
                    config = ReadLimits(context, value, config);
                    break;
                default:
                    errors.Add(new ConfigError(fileName, (int)keyNode.Start.Line, key,
                        $"unknown key; expected one of {string.Join(", ", TopLevelKeys)}"));
                    break;
            }
        }

        return errors.Count == 0 ? (config, ImmutableArray<ConfigError>.Empty) : (null, errors.ToImmutable());
    }

    private static ImmutableArray<TermRule> ReadTerms(Context context, YamlNode node)
    {
        var terms = ImmutableArray.CreateBuilder<TermRule>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in context.Sequence(node, "terms"))
        {
            var key = $"terms[{index++}]";
            if (item is not YamlMappingNode map)
            {
                context.Error(item, key, "expected a mapping with 'term' and 'replacement'");
                continue;
            }

            string? term = null, replacement = null;
            foreach (var (k, v) in context.Entries(map, key))
            {
                if (k.Value == "term")
                    term = context.Scalar(v, key + ".term");
                else if (k.Value == "replacement")
                    replacement = context.Scalar(v, key + ".replacement");
                else
                    context.Error(k, key + "." + k.Value, "unknown key; expected 'term' or 'replacement'");
            }

            var line = (int)item.Start.Line;
            if (string.IsNullOrWhiteSpace(term) || string.IsNullOrWhiteSpace(replacement))
            {
                context.Error(item, key, "both 'term' and 'replacement' are required and must not be empty");
                continue;
            }

            if (!IsWord(term) || !IsWord(replacement))
            {
                context.Error(item, key, $"'{term}' -> '{replacement}': a term and its replacement must be single words (letters, digits, underscore)");
                continue;
            }

            if (string.Equals(term, replacement, StringComparison.OrdinalIgnoreCase))
            {
                context.Error(item, key + ".replacement", $"'{term}' is replaced by itself");
                continue;
            }

            if (seen.TryGetValue(term, out var firstLine))
            {
                context.Error(item, key + ".term", $"'{term}' is listed twice (first on line {firstLine})");
                continue;
            }

            seen[term] = line;
            terms.Add(new TermRule(term, replacement, line));
        }

        foreach (var term in terms)
        {
            if (seen.ContainsKey(term.Replacement))
                context.Error(node, "terms", $"the replacement '{term.Replacement}' of '{term.Term}' is itself a banned term");
        }

        return terms.ToImmutable();
    }

    private static ImmutableArray<ModuleRule> ReadModules(Context context, YamlNode node)
    {
        var modules = ImmutableArray.CreateBuilder<ModuleRule>();
        var index = 0;
        foreach (var item in context.Sequence(node, "modules"))
        {
            var key = $"modules[{index++}]";
            if (item is not YamlMappingNode map)
            {
                context.Error(item, key, "expected a mapping with 'canonical' and optional 'duplicates'");
                continue;
            }

            string? canonical = null;
            var duplicates = ImmutableArray<string>.Empty;
            foreach (var (k, v) in context.Entries(map, key))
            {
                if (k.Value == "canonical")
                    canonical = context.RelativePath(v, key + ".canonical");
                else if (k.Value == "duplicates")
                    duplicates = context.StringList(v, key + ".duplicates", relativePath: true);
                else
                    context.Error(k, key + "." + k.Value, "unknown key; expected 'canonical' or 'duplicates'");
            }

            if (canonical is null)
            {
                context.Error(item, key + ".canonical", "required");
                continue;
            }

            if (!canonical.EndsWith(".py", StringComparison.Ordinal))
                context.Error(item, key + ".canonical", $"'{canonical}' is not a Python module path (expected a .py file)");
            modules.Add(new ModuleRule(canonical, duplicates, (int)item.Start.Line));
        }

        return modules.ToImmutable();
    }

    private static HostBudget? ReadHost(Context context, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            context.Error(node, "host", "expected a mapping like {memory: 16g, cpus: 8}");
            return null;
        }

        long? memory = null;
        double? cpus = null;
        foreach (var (k, v) in context.Entries(map, "host"))
        {
            var value = context.Scalar(v, "host." + k.Value);
            if (value is null)
                continue;
            if (k.Value == "memory")
            {
                if (ByteSize.TryParse(value, out var bytes) && bytes > 0)
                    memory = bytes;
                else
                    context.Error(v, "host.memory", $"'{value}' is not a size like 16g or 512m");
            }
            else if (k.Value == "cpus")
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var count) && count > 0)
                    cpus = count;
                else
                    context.Error(v, "host.cpus", $"'{value}' is not a positive number");
            }
            else
            {
                context.Error(k, "host." + k.Value, "unknown key; expected 'memory' or 'cpus'");
            }
        }

        return new HostBudget(memory, cpus, (int)node.Start.Line);
    }

    /// <summary>
    /// <c>pins: {python: 3.12.7-slim, node: 22.11-bookworm-slim@sha256:...}</c>: the image name as FROM writes it (no tag,
    /// no digest), then the tag, optionally with a digest, that the container-security fix writes where FROM has no tag
    /// or <c>latest</c>.
    /// </summary>
    private static ImmutableDictionary<string, string> ReadPins(Context context, YamlNode node)
    {
        var pins = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (node is YamlScalarNode { Value: null or "" })
            return pins.ToImmutable();
        if (node is not YamlMappingNode map)
        {
            context.Error(node, "pins", "expected a mapping of image to tag, like {python: 3.12.7-slim}");
            return pins.ToImmutable();
        }

        foreach (var (k, v) in context.Entries(map, "pins"))
        {
            var image = k.Value ?? "";
            var key = "pins." + image;
            var tag = context.Scalar(v, key);
            if (tag is null)
                continue;
            var lastSegment = image[(image.LastIndexOf('/') + 1)..];
            if (image.Length == 0 || image.Any(c => char.IsWhiteSpace(c) || c is '$' or '@') || image.StartsWith('/') || image.EndsWith('/'))
                context.Error(k, key, $"'{image}' is not an image name like python or registry.example.com/team/app");
            else if (lastSegment.Contains(':'))
                context.Error(k, key, $"'{image}' already has a tag; write the image without it and the tag as the value ({lastSegment[..lastSegment.IndexOf(':')]}: {lastSegment[(lastSegment.IndexOf(':') + 1)..]})");
            else if (!IsPinnedTag(tag))
                context.Error(v, key, $"'{tag}' is not a tag like 3.12.7-slim, optionally with a digest (3.12.7-slim@sha256:...)");
            else if (tag.Split('@')[0].Equals("latest", StringComparison.OrdinalIgnoreCase))
                context.Error(v, key, "'latest' pins nothing: it moves whenever the image is pushed; give a version tag");
            else
                pins[image] = tag;
        }

        return pins.ToImmutable();
    }

    /// <summary>A Docker tag (a word character, then up to 127 word characters, '.' or '-'), then optionally '@algorithm:hex' (32 hex digits or more).</summary>
    private static bool IsPinnedTag(string value)
    {
        var at = value.IndexOf('@');
        var tag = at < 0 ? value : value[..at];
        if (tag.Length is 0 or > 128 || !IsTagWordCharacter(tag[0]) || !tag.All(c => IsTagWordCharacter(c) || c is '.' or '-'))
            return false;
        if (at < 0)
            return true;
        var digest = value[(at + 1)..];
        var colon = digest.IndexOf(':');
        return colon > 0
            && digest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '_' or '-')
            && digest.Length - colon - 1 >= 32
            && digest[(colon + 1)..].All(char.IsAsciiHexDigit);
    }

    private static bool IsTagWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static ImmutableDictionary<string, ImmutableDictionary<string, string>> ReadRules(Context context, YamlNode node)
    {
        var rules = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        if (node is not YamlMappingNode map)
        {
            context.Error(node, "rules", "expected a mapping of rule id or name to options");
            return rules.ToImmutable();
        }

        foreach (var (k, v) in context.Entries(map, "rules"))
        {
            var descriptor = Catalog.RuleCatalog.Find(k.Value ?? "");
            if (descriptor is null)
            {
                context.Error(k, "rules." + k.Value, "unknown rule id or name");
                continue;
            }

            var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            if (v is YamlMappingNode optionMap)
            {
                foreach (var (ok, ov) in context.Entries(optionMap, "rules." + k.Value))
                {
                    var value = ov is YamlSequenceNode list
                        ? string.Join(",", list.Children.OfType<YamlScalarNode>().Select(s => s.Value))
                        : context.Scalar(ov, $"rules.{k.Value}.{ok.Value}");
                    if (value is not null)
                        options[ok.Value ?? ""] = value;
                }
            }
            else
            {
                context.Error(v, "rules." + k.Value, "expected a mapping of options, e.g. {enabled: true}");
            }

            rules[descriptor.Id] = options.ToImmutable();
        }

        return rules.ToImmutable();
    }

    private static ConsolidateConfig ReadLimits(Context context, YamlNode node, ConsolidateConfig config)
    {
        if (node is not YamlMappingNode map)
        {
            context.Error(node, "limits", "expected a mapping like {maxFileSize: 2m}");
            return config;
        }

        foreach (var (k, v) in context.Entries(map, "limits"))
        {
            var value = context.Scalar(v, "limits." + k.Value);
            if (k.Value == "maxFileSize")
            {
                if (value is not null && ByteSize.TryParse(value, out var bytes) && bytes > 0)
                    config = config with { MaxFileBytes = bytes };
                else
                    context.Error(v, "limits.maxFileSize", $"'{value}' is not a size like 2m");
            }
            else
            {
                context.Error(k, "limits." + k.Value, "unknown key; expected 'maxFileSize'");
            }
        }

        return config;
    }

    private static bool IsWord(string s) => s.All(c => char.IsLetterOrDigit(c) || c == '_');

    private sealed class Context(string fileName, ImmutableArray<ConfigError>.Builder errors)
    {
        public void Error(YamlNode node, string key, string message) => errors.Add(new ConfigError(fileName, (int)node.Start.Line, key, message));

        public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(YamlMappingNode map, string key)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode scalar || scalar.Value is null)
                {
                    Error(k, key, "keys must be plain strings");
                    continue;
                }

                if (!seen.Add(scalar.Value))
                {
                    Error(k, key == "(root)" ? scalar.Value : key + "." + scalar.Value, "duplicate key");
                    continue;
                }

                yield return (scalar, v);
            }
        }

        public IEnumerable<YamlNode> Sequence(YamlNode node, string key)
        {
            if (node is YamlSequenceNode sequence)
                return sequence.Children;
            if (node is YamlScalarNode { Value: null or "" })
                return [];
            Error(node, key, "expected a list");
            return [];
        }

        public string? Scalar(YamlNode node, string key)
        {
            if (node is YamlScalarNode scalar)
                return scalar.Value;
            Error(node, key, "expected a single value");
            return null;
        }

        public string? RelativePath(YamlNode node, string key)
        {
            var value = Scalar(node, key);
            if (value is null)
                return null;
            var normalized = value.Replace('\\', '/');
            if (normalized.StartsWith('/') || normalized.Split('/').Contains("..") || (normalized.Length > 1 && normalized[1] == ':'))
            {
                Error(node, key, $"'{value}' is outside the repository: paths are relative to the repository root");
                return null;
            }

            return normalized.StartsWith("./", StringComparison.Ordinal) ? normalized[2..] : normalized;
        }

        public ImmutableArray<string> StringList(YamlNode node, string key, bool relativePath)
        {
            var list = ImmutableArray.CreateBuilder<string>();
            var index = 0;
            foreach (var item in Sequence(node, key))
            {
                var value = relativePath ? RelativePath(item, $"{key}[{index}]") : Scalar(item, $"{key}[{index}]");
                index++;
                if (!string.IsNullOrEmpty(value))
                    list.Add(value);
            }

            return list.ToImmutable();
        }
    }
}
