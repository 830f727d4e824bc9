using System.Collections.Immutable;
using Consolidate.Analyzers.Rules;

namespace Consolidate.Analyzers.Engine;

/// <summary>The rule instances the engine runs: every <see cref="IRule"/> in this assembly, one per descriptor.</summary>
public static class RuleSet
{
    public static ImmutableArray<IRule> All { get; } = typeof(IRule).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t))
        .Select(t => (IRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
        .ToImmutableArray();
}
