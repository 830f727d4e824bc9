using System.Collections.Immutable;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Patches;

/// <summary>One patch of the set: its file name (<c>NN-family.patch</c>), what it answers, the files it touches, the checks it passed and its bytes.</summary>
public sealed record PlannedPatch(
    string FileName,
    string Family,
    ImmutableArray<string> RuleIds,
    ImmutableArray<string> Files,
    string Summary,
    ImmutableArray<Check> Checks,
    byte[] Content);
