using System.Collections.Immutable;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// One <c>@@ -OldStart,OldCount +NewStart,NewCount @@</c> hunk. Each line is its prefix (' ', '-', '+') and its text
/// as Latin-1 (one char per byte), with its line break unless <c>\ No newline at end of file</c> followed it.
/// </summary>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, ImmutableArray<(char Kind, string Text)> Lines);
