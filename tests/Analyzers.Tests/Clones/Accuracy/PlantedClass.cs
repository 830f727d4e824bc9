using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>A planted clone class: what was copied, how (kind), and where each copy is (1-based inclusive lines).</summary>
internal sealed record PlantedClass(string Name, Language Language, CloneScope Scope, CloneKind Kind, ImmutableArray<CloneMember> Members);
