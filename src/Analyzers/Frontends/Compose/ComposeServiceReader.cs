using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Compose;

/// <summary>
/// Reads the services of a compose file from its YAML tree: the keys the rules need, each with the span of its value.
/// Aliases are followed by reference (never copied); merge keys (<c>&lt;&lt;: *defaults</c>) are resolved with a
/// budget of <see cref="MaxMergedEntries"/> entries per file, after which merges are ignored with an issue.
/// </summary>
internal sealed class ComposeServiceReader(SourceText source, List<ParseIssue> issues)
{
    public const int MaxMergedEntries = 100_000;

    private readonly Dictionary<YamlMappingValue, List<(YamlScalarValue Key, YamlValue Value)>> effective = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<YamlMappingValue> resolving = new(ReferenceEqualityComparer.Instance);
    private int mergedEntries;
    private bool budgetReported;

    public ImmutableArray<ComposeService> Read(YamlValue? root)
    {
        if (root is null || root is YamlScalarValue { IsNull: true })
            return [];
        if (Resolve(root) is not YamlMappingValue top)
        {
            issues.Add(new ParseIssue(root.Line, Column(root), $"the top level of a compose file must be a mapping of keys (services:, volumes:, ...), not a {Resolve(root)?.Kind ?? root.Kind}"));
            return [];
        }

        var entries = Entries(top);
        var services = entries.FirstOrDefault(e => e.Key.Value == "services");
        IEnumerable<(YamlScalarValue Key, YamlValue Value)> candidates;
        if (services.Key is not null)
        {
            candidates = Resolve(services.Value) is YamlMappingValue serviceMap ? Entries(serviceMap) : [];
        }
        else if (entries.Any(e => e.Key.Value == "version"))
        {
            candidates = [];
        }
        else
        {
            // Compose file format v1: services at the top level, recognised by an image or build key.
            candidates = entries.Where(e => Resolve(e.Value) is YamlMappingValue m && (Get(m, "image") is not null || Get(m, "build") is not null));
        }

        return candidates.Select(e => Service(e.Key, e.Value)).ToImmutableArray();
    }

    private ComposeService Service(YamlScalarValue key, YamlValue value)
    {
        var body = Resolve(value) as YamlMappingValue;
        var deploy = Mapping(body, "deploy");
        var resources = Mapping(deploy, "resources");
        var limits = Mapping(resources, "limits");
        var reservations = Mapping(resources, "reservations");
        var (extendsFile, extendsService) = Extends(body);
        return new ComposeService(
            key.Value,
            Span(key),
            source.Span(key.Start, Math.Max(key.End, value.End)),
            Scalar(body, "image"),
            Build(body),
            Volumes(body),
            Scalar(body, "privileged"),
            Scalar(body, "pid"),
            Scalar(body, "network_mode"),
            Scalar(body, "ipc"),
            Scalar(body, "user"),
            new ComposeResources(
                Scalar(limits, "memory") ?? Scalar(body, "mem_limit"),
                Scalar(reservations, "memory") ?? Scalar(body, "mem_reservation"),
                Scalar(limits, "cpus") ?? Scalar(body, "cpus"),
                Scalar(reservations, "cpus")),
            EnvFiles(body),
            extendsFile,
            extendsService);
    }

    /// <summary>Build as a string (its span is the string's) or an object (its span runs from the <c>build:</c> key to its end).</summary>
    private ComposeBuild? Build(YamlMappingValue? service)
    {
        var (key, value) = Entry(service, "build");
        if (key is null || value is null)
            return null;
        if (AsScalar(value) is { } context)
            return new ComposeBuild(context, null, context.Span);
        return Resolve(value) is YamlMappingValue build
            ? new ComposeBuild(Scalar(build, "context"), Scalar(build, "dockerfile"), source.Span(key.Start, Math.Max(key.End, value.End)))
            : null;
    }

    private ImmutableArray<ComposeVolume> Volumes(YamlMappingValue? service)
    {
        if (Resolve(Get(service, "volumes")) is not YamlSequenceValue list)
            return [];
        var volumes = ImmutableArray.CreateBuilder<ComposeVolume>();
        foreach (var item in list.Items)
        {
            if (AsScalar(item) is { } scalar)
            {
                volumes.Add(ComposeVolumeSyntax.Parse(scalar.Value, scalar.Span));
            }
            else if (Resolve(item) is YamlMappingValue mapping)
            {
                volumes.Add(new ComposeVolume(Scalar(mapping, "source")?.Value, Scalar(mapping, "target")?.Value, Scalar(mapping, "type")?.Value, Span(item)));
            }
        }

        return volumes.ToImmutable();
    }

    private ImmutableArray<ComposeScalar> EnvFiles(YamlMappingValue? service)
    {
        var value = Get(service, "env_file");
        if (value is null)
            return [];
        if (AsScalar(value) is { } single)
            return [single];
        if (Resolve(value) is not YamlSequenceValue list)
            return [];
        var files = ImmutableArray.CreateBuilder<ComposeScalar>();
        foreach (var item in list.Items)
        {
            var file = AsScalar(item) ?? (Resolve(item) is YamlMappingValue mapping ? Scalar(mapping, "path") : null);
            if (file is not null)
                files.Add(file);
        }

        return files.ToImmutable();
    }

    private (ComposeScalar? File, ComposeScalar? Service) Extends(YamlMappingValue? service)
    {
        var value = Get(service, "extends");
        if (value is null)
            return (null, null);
        if (AsScalar(value) is { } name)
            return (null, name);
        return Resolve(value) is YamlMappingValue mapping ? (Scalar(mapping, "file"), Scalar(mapping, "service")) : (null, null);
    }

    private YamlMappingValue? Mapping(YamlMappingValue? mapping, string key) => Resolve(Get(mapping, key)) as YamlMappingValue;

    private ComposeScalar? Scalar(YamlMappingValue? mapping, string key) => AsScalar(Get(mapping, key));

    /// <summary>A scalar value (through an alias, with the alias's span); null for YAML null and collections.</summary>
    private ComposeScalar? AsScalar(YamlValue? value) =>
        Resolve(value) is YamlScalarValue { IsNull: false } scalar ? new ComposeScalar(scalar.Value, Span(value!)) : null;

    private YamlValue? Get(YamlMappingValue? mapping, string key) => Entry(mapping, key).Value;

    private (YamlScalarValue? Key, YamlValue? Value) Entry(YamlMappingValue? mapping, string key)
    {
        if (mapping is null)
            return (null, null);
        foreach (var entry in Entries(mapping))
        {
            if (entry.Key.Value == key)
                return entry;
        }

        return (null, null);
    }

    private static YamlValue? Resolve(YamlValue? value) => value is YamlAliasValue alias ? alias.Target : value;

    /// <summary>The entries of a mapping with its merge keys applied: its own keys first, then merged keys it lacks.</summary>
    private List<(YamlScalarValue Key, YamlValue Value)> Entries(YamlMappingValue mapping)
    {
        if (effective.TryGetValue(mapping, out var known))
            return known;

        var entries = new List<(YamlScalarValue Key, YamlValue Value)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merges = new List<YamlValue>();
        foreach (var (key, value) in mapping.Entries)
        {
            if (key is not YamlScalarValue scalar)
                continue;
            if (scalar.Value == "<<")
            {
                merges.Add(value);
                continue;
            }

            if (seen.Add(scalar.Value))
                entries.Add((scalar, value));
        }

        if (merges.Count > 0 && resolving.Add(mapping))
        {
            foreach (var merge in merges)
            {
                var sources = Resolve(merge) switch
                {
                    YamlMappingValue single => [single],
                    YamlSequenceValue list => list.Items.Select(Resolve).OfType<YamlMappingValue>().ToList(),
                    _ => new List<YamlMappingValue>(),
                };
                foreach (var from in sources)
                {
                    foreach (var entry in Entries(from))
                    {
                        if (++mergedEntries > MaxMergedEntries)
                        {
                            if (!budgetReported)
                            {
                                budgetReported = true;
                                issues.Add(new ParseIssue(merge.Line, Column(merge), $"merge keys (<<) bring in more than {MaxMergedEntries} entries; further merges are ignored"));
                            }

                            break;
                        }

                        if (seen.Add(entry.Key.Value))
                            entries.Add(entry);
                    }
                }
            }

            resolving.Remove(mapping);
        }

        effective[mapping] = entries;
        return entries;
    }

    private SourceSpan Span(YamlValue value) => source.Span(value.Start, value.End);

    private int Column(YamlValue value) => source.Span(value.Start, value.Start).StartColumn;
}
