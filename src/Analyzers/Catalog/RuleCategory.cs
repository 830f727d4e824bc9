namespace Consolidate.Analyzers.Catalog;

public enum RuleCategory
{
    Containers,
    Compose,
    Duplication,
    References,
    Terms,
    Scripts,
    Tool,
}
