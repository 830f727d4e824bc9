using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>Compose facts: the services of the file in document order.</summary>
public sealed record ComposeFacts(ImmutableArray<ComposeService> Services) : LanguageFacts;
