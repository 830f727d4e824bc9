using Consolidate.Analyzers.Rules.Terms;

namespace Consolidate.Rewriters.Families.BannedTerms;

internal static class TermMatchExtensions
{
    public static int End(this TermMatch match) => match.Start + match.Length;
}
