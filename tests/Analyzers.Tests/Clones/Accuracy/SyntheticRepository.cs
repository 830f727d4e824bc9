using System.Collections.Immutable;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>A generated repository: its files and the clone classes planted in it (the ground truth).</summary>
internal sealed record SyntheticRepository(ImmutableArray<(string Path, string Text)> Files, ImmutableArray<PlantedClass> Classes);
