namespace Consolidate.Analyzers.Model;

/// <summary>The raw facts a frontend extracts for later stages (references, rules, rewriters); one subtype per language.</summary>
public abstract record LanguageFacts;
