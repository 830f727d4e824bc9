using System.Collections.Immutable;

namespace Consolidate.Rewriters.Apply;

/// <summary>One <c>patches[]</c> entry of a patch set's manifest.json: the patch file (in apply order), its family, the rules it answers and the files it lists.</summary>
public sealed record PatchSetEntry(string File, string Family, ImmutableArray<string> RuleIds, ImmutableArray<string> Files)
{
    /// <summary>The patch's number, the <c>NN</c> of <c>NN-family.patch</c> (0 when the name has none).</summary>
    public int Number => int.TryParse(File.AsSpan(0, File.TakeWhile(char.IsAsciiDigit).Count()), out var n) ? n : 0;
}
