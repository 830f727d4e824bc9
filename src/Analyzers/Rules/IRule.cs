using Consolidate.Analyzers.Catalog;

namespace Consolidate.Analyzers.Rules;

/// <summary>A rule: looks at the model through <see cref="RuleContext"/> and reports. No IO, no severity, no suppression.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    void Analyze(RuleContext context);
}
