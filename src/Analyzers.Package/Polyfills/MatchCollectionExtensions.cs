using System.Text.RegularExpressions;

namespace Consolidate.Analyzers.Rules.Terms;

/// <summary>
/// netstandard2.0's <see cref="MatchCollection"/> is not an <c>IEnumerable&lt;Match&gt;</c>: this gives TermMatcher its
/// <c>Select</c>, in TermMatcher's own namespace so no other code sees it. Only the analyzer package compiles this file.
/// </summary>
internal static class MatchCollectionExtensions
{
    public static IEnumerable<TResult> Select<TResult>(this MatchCollection matches, Func<Match, TResult> selector) =>
        matches.Cast<Match>().Select(selector);
}
