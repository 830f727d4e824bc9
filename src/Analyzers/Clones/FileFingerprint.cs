using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// One file's code tokens as hashes: comments and layout-only tokens are dropped; per code token it keeps the exact
/// hash (the text), the normalized hash (keywords and operators as written, identifiers and literals as placeholders;
/// in shell and Dockerfiles command names, unless the file defines a function of that name, and option names stay as
/// written, because there the command and its options are the code; compose files are not abstracted)
/// and whether the token is boilerplate. Boilerplate is marked in two steps: <see cref="Read"/> marks what every
/// project repeats (Python and C# imports, shell <c>set</c>/<c>shopt</c>, package index updates and cache clean-up,
/// Dockerfile <c>FROM</c> lines); <see cref="MarkCommonLines"/> then marks short runs of lines that many files share.
/// </summary>
internal sealed class FileFingerprint
{
    /// <summary>Common lines separated by at most this many other lines belong to one run.</summary>
    public const int MaxGapLines = 2;

    public static readonly ulong IdentifierPlaceholder = StableHash.Tag("<identifier>");
    private static readonly ulong LiteralPlaceholder = StableHash.Tag("<literal>");

    private static readonly HashSet<string> PackageManagers = new(StringComparer.Ordinal) { "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper" };
    private static readonly HashSet<string> PackageIndexVerbs = new(StringComparer.Ordinal) { "update", "upgrade", "clean", "autoremove" };
    private static readonly string[] PackageCaches = ["/var/lib/apt/lists", "/var/cache/apk", "/var/cache/yum", "/var/cache/dnf"];

    /// <summary>Odd multiplier of the polynomial prefix hashes (mod 2^64); token values are already mixed 64-bit hashes.</summary>
    private const ulong PrefixBase = 0x22BF_EB33_4B90_D7AFUL;

    private int[] lineStarts;
    private ulong[] lineKeys = [];
    private ulong[] exactPrefix = [];
    private ulong[] normalizedPrefix = [];
    private int[] linesBefore = [];
    private int[] filteredToCode = [];
    private bool[] sharesFirstLine = [];

    // Where each code token is (offset, first line, last line as written, last line not counting a final line break):
    // all the later stages need of the tokens, so the tokens themselves are let go once the file is read.
    private int[] codeStart;
    private int[] codeStartLine;
    private int[] codeEndLine;
    private int[] codeLastLine;
    private TokenTable? tokens;
    private string? decoded;

    private FileFingerprint(FileModel file, int index, TokenTable tokens, int[] code, ulong[] exact, ulong[] normalized, bool[] boilerplate)
    {
        File = file;
        Index = index;
        this.tokens = tokens;
        Count = code.Length;
        codeStart = new int[code.Length];
        codeStartLine = new int[code.Length];
        codeEndLine = new int[code.Length];
        codeLastLine = new int[code.Length];
        var cursor = tokens.Cursor();
        for (var i = 0; i < code.Length; i++)
        {
            var span = tokens.SpanAt(code[i], ref cursor);
            codeStart[i] = span.Start;
            codeStartLine[i] = span.StartLine;
            codeEndLine[i] = span.EndLine;
            codeLastLine[i] = EndLine(span);
        }

        Code = code;
        Exact = exact;
        Normalized = normalized;
        Boilerplate = boilerplate;
        lineStarts = LineStarts();
        FilteredBefore = [];
    }

    public FileModel File { get; }

    /// <summary>Position of the file among the fingerprinted files (path order).</summary>
    public int Index { get; set; }

    /// <summary>Index into the file's tokens of each code token (only while the file is being read).</summary>
    private int[] Code { get; set; }

    public ulong[] Exact { get; private set; }

    public ulong[] Normalized { get; private set; }

    public bool[] Boilerplate { get; private set; }

    /// <summary>Sorted distinct keys (language-qualified hashes) of the code lines not wholly boilerplate: document frequency input.</summary>
    public ulong[] LineKeys { get; private set; } = [];

    /// <summary>FilteredBefore[i] = number of non-boilerplate code tokens before code token i (length Count + 1).</summary>
    public int[] FilteredBefore { get; private set; }

    /// <summary>Normalized hashes of the non-boilerplate code tokens: the sequence near clones are measured on.</summary>
    public ulong[] Filtered
    {
        get
        {
            ReadSequencesAgain();
            return filtered;
        }

        private set => filtered = value;
    }

    /// <summary>Exact hashes of the same tokens as <see cref="Filtered"/>: the names behind the placeholders.</summary>
    public ulong[] FilteredNames
    {
        get
        {
            ReadSequencesAgain();
            return filteredNames;
        }

        private set => filteredNames = value;
    }

    private ulong[] filtered = [];
    private ulong[] filteredNames = [];

    // Set for a fingerprint restored from a file's cached clone facts (UnitFactsCodec), which holds no sequences: reads
    // the file again, the first time its sequences are asked for (a unit of it is tiled), then is cleared.
    private Func<FileFingerprint>? readAgain;
    private readonly object readingAgain = new();

    /// <summary>Lines holding code tokens, boilerplate included (comments and blank lines are not code).</summary>
    public int AllCodeLines { get; private set; }


    public int Count { get; }

    /// <summary>
    /// A fingerprint as the clone index keeps it after reading a file's units (what <see cref="ReleaseUnitData"/>
    /// leaves), rebuilt from cached facts: no per-token arrays; its near-clone sequences come from
    /// <paramref name="readAgain"/> (the file read and marked as when the facts were made) if a unit of it is ever tiled.
    /// </summary>
    public static FileFingerprint Restored(FileModel file, int index, int count, int allCodeLines, Func<FileFingerprint> readAgain) =>
        new(file, index, count, allCodeLines, readAgain);

    private FileFingerprint(FileModel file, int index, int count, int allCodeLines, Func<FileFingerprint> readAgain)
    {
        File = file;
        Index = index;
        Count = count;
        AllCodeLines = allCodeLines;
        this.readAgain = readAgain;
        Code = [];
        ReleaseUnitData();
    }

    private void ReadSequencesAgain()
    {
        if (Volatile.Read(ref readAgain) is null)
            return;
        lock (readingAgain)
        {
            if (readAgain is not { } read)
                return;
            var again = read();
            filtered = again.filtered;
            filteredNames = again.filteredNames;
            Volatile.Write(ref readAgain, null);
        }
    }

    private ReadOnlySpan<char> TextOf(int codeToken) => tokens!.TextAt(Code[codeToken], decoded!);

    /// <summary>
    /// Reads <paramref name="file"/> from its token table (texts are slices of the file, nothing is rebuilt), or, for a
    /// file no frontend parses, from <see cref="FallbackLexer"/>.
    /// </summary>
    /// <param name="distinctLineKeys">Whether to work out <see cref="LineKeys"/> (the sorted distinct keys, for the
    /// document frequency of lines); the clone index's second pass, which has them already, does not need them.</param>
    public static FileFingerprint? Read(FileModel file, int index, bool distinctLineKeys = true)
    {
        if (file.Text is null || file.Status is ParseStatus.Skipped or ParseStatus.Failed || !CloneIndex.IsCodeLanguage(file.Language))
            return null;
        if (file.Parsed is { Failed: true })
            return null;

        // Holding the text keeps it decoded while the tokens are sliced from it (SourceText may keep only its bytes).
        var source = file.Text.Text;
        var tokens = file.Parsed is { } parsed && parsed.TokenTable.Count > 0 ? parsed.TokenTable
            : TokenTable.Of(FallbackLexer.Tokenize(file.Text, file.Language));
        var isCode = new bool[tokens.Count];
        var codeCount = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            isCode[i] = tokens.KindAt(i) != TokenKind.Comment && !IsLayout(tokens.TextAt(i, source));
            if (isCode[i])
                codeCount++;
        }

        var codeArray = new int[codeCount];
        for (int i = 0, next = 0; i < tokens.Count; i++)
            if (isCode[i])
                codeArray[next++] = i;
        var shellLike = file.Language is Language.Shell or Language.Dockerfile;
        var commands = shellLike ? ShellCommands(file).ToList() : [];
        var commandNames = new HashSet<int>(commands.Select(c => c.Name.Span.Start));
#if NET
        var definedFunctions = (shellLike ? DefinedFunctions(file) : new HashSet<string>(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
#else
        // netstandard2.0 (the analyzer package) has no alternate lookups: the package's SpanKeyedStrings stands in.
        var definedFunctions = new SpanKeyedStrings(shellLike ? DefinedFunctions(file) : []);
#endif

        var exact = new ulong[codeArray.Length];
        var normalized = new ulong[codeArray.Length];
        for (var i = 0; i < codeArray.Length; i++)
        {
            var text = tokens.TextAt(codeArray[i], source);
            exact[i] = StableHash.Text(text);
            normalized[i] = file.Language == Language.Compose ? exact[i] : tokens.KindAt(codeArray[i]) switch
            {
                TokenKind.Literal when shellLike && IsOption(text) => OptionHash(text),
                TokenKind.Literal => LiteralPlaceholder,
                TokenKind.Identifier when shellLike && commandNames.Contains(tokens.RangeAt(codeArray[i]).Start) && !definedFunctions.Contains(text) => exact[i],
                TokenKind.Identifier => IdentifierPlaceholder,
                _ => exact[i],
            };
        }

        var fingerprint = new FileFingerprint(file, index, tokens, codeArray, exact, normalized, new bool[codeArray.Length]) { decoded = source };
        fingerprint.MarkKnownBoilerplate(commands);
        fingerprint.tokens = null;
        fingerprint.decoded = null;
        fingerprint.Code = [];
        GC.KeepAlive(source);
        return fingerprint.WithLineKeys(distinctLineKeys);
    }

    /// <summary>
    /// Marks short runs of common lines as boilerplate: a run is a maximal sequence of common lines where at most
    /// <see cref="MaxGapLines"/> other lines separate two common ones; it is boilerplate when its common lines hold
    /// fewer than <paramref name="minTokens"/> non-boilerplate tokens. A long run of common lines is duplicated code,
    /// which the clone classes report, not boilerplate. Then builds <see cref="Filtered"/>.
    /// </summary>
    public void MarkCommonLines(Func<ulong, bool> isCommon, int minTokens)
    {
        var run = new List<int>();
        var runTokens = 0;
        var gap = 0;
        for (var line = 0; line < lineStarts.Length - 1; line++)
        {
            var (start, end) = (lineStarts[line], lineStarts[line + 1]);
            var own = OwnTokens(start, end);
            if (own == 0)
                continue;
            if (isCommon(lineKeys[line]))
            {
                if (run.Count > 0 && gap > MaxGapLines)
                    CloseRun(run, ref runTokens, minTokens);
                run.Add(line);
                runTokens += own;
                gap = 0;
            }
            else if (run.Count > 0)
            {
                gap++;
            }
        }

        CloseRun(run, ref runTokens, minTokens);

        BuildIndexes();
    }

    /// <summary>
    /// Prefix sums that make every range query O(1): polynomial prefix hashes of the exact and normalized sequences,
    /// the non-boilerplate count and lines before each token, and the filtered (non-boilerplate) sequences.
    /// </summary>
    private void BuildIndexes()
    {
        var count = Count;
        exactPrefix = new ulong[count + 1];
        normalizedPrefix = new ulong[count + 1];
        linesBefore = new int[count + 1];
        FilteredBefore = new int[count + 1];
        var filteredCount = 0;
        for (var i = 0; i < count; i++)
            if (!Boilerplate[i])
                filteredCount++;
        filtered = new ulong[filteredCount];
        filteredNames = new ulong[filteredCount];
        filteredToCode = new int[filteredCount];
        sharesFirstLine = new bool[filteredCount];
        var next = 0;
        var lastEnd = 0;
        var lastCodeEnd = 0;
        AllCodeLines = 0;
        for (var i = 0; i < count; i++)
        {
            exactPrefix[i + 1] = exactPrefix[i] * PrefixBase + Exact[i];
            normalizedPrefix[i + 1] = normalizedPrefix[i] * PrefixBase + Normalized[i];
            FilteredBefore[i] = next;
            linesBefore[i + 1] = linesBefore[i];
            var startLine = codeStartLine[i];
            var endLine = codeLastLine[i];
            AllCodeLines += Math.Max(0, endLine - Math.Max(startLine - 1, lastCodeEnd));
            lastCodeEnd = Math.Max(lastCodeEnd, endLine);
            if (Boilerplate[i])
                continue;
            sharesFirstLine[next] = lastEnd == startLine;
            linesBefore[i + 1] += Math.Max(0, endLine - Math.Max(startLine - 1, lastEnd));
            lastEnd = Math.Max(lastEnd, endLine);
            filtered[next] = Normalized[i];
            filteredNames[next] = Exact[i];
            filteredToCode[next] = i;
            next++;
        }

        FilteredBefore[count] = next;
    }

    /// <summary>
    /// Drops what only reading the units needed (per-token hashes, positions, prefix sums, boilerplate marks), keeping
    /// the filtered sequences near-clone verification reads, so the rest of the run holds less memory.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(lineStarts), nameof(codeStart), nameof(codeStartLine), nameof(codeEndLine), nameof(codeLastLine), nameof(Exact), nameof(Normalized), nameof(Boilerplate), nameof(FilteredBefore))]
    public void ReleaseUnitData()
    {
        Exact = [];
        Normalized = [];
        Boilerplate = [];
        exactPrefix = [];
        normalizedPrefix = [];
        linesBefore = [];
        filteredToCode = [];
        sharesFirstLine = [];
        FilteredBefore = [];
        lineKeys = [];
        LineKeys = [];
        lineStarts = [];
        codeStart = [];
        codeStartLine = [];
        codeEndLine = [];
        codeLastLine = [];
    }

    /// <summary>Drops the filtered sequences too, once near clones are verified: nothing after that reads them.</summary>
    public void ReleaseSequences()
    {
        lock (readingAgain)
        {
            readAgain = null;
            filtered = [];
            filteredNames = [];
        }
    }

    /// <summary>Hash of the exact texts of code tokens [start, end), the same wherever that sequence occurs.</summary>
    public ulong ExactHash(int start, int end) => RangeHash(exactPrefix, start, end);

    /// <summary>Hash of the normalized tokens [start, end).</summary>
    public ulong RenamedHash(int start, int end) => RangeHash(normalizedPrefix, start, end);

    private static ulong RangeHash(ulong[] prefix, int start, int end)
    {
        var power = 1UL;
        var factor = PrefixBase;
        for (var exponent = end - start; exponent > 0; exponent >>= 1)
        {
            if ((exponent & 1) != 0)
                power *= factor;
            factor *= factor;
        }

        return StableHash.Mix((prefix[end] - prefix[start] * power) ^ ((ulong)(end - start) * 0x9E3779B97F4A7C15UL));
    }

    /// <summary>Code tokens whose span lies inside <paramref name="span"/>: [Start, End).</summary>
    public (int Start, int End) TokenRange(SourceSpan span) => (FirstAtOrAfter(span.Start), FirstAtOrAfter(span.End));

    /// <summary>Non-blank lines covered by the non-boilerplate code tokens of [start, end), and the first and last of them.</summary>
    public (int Lines, int First, int Last) CodeLines(int start, int end)
    {
        var from = FilteredBefore[start];
        var to = FilteredBefore[end];
        if (to <= from)
            return (0, 0, 0);
        var first = filteredToCode[from];
        var lines = linesBefore[end] - linesBefore[start] + (sharesFirstLine[from] ? 1 : 0);
        return (lines, codeStartLine[first], codeLastLine[filteredToCode[to - 1]]);
    }

    private static int EndLine(SourceSpan span) => span.EndColumn == 1 && span.EndLine > span.StartLine ? span.EndLine - 1 : span.EndLine;

    public int NonBoilerplate(int start, int end) => FilteredBefore[end] - FilteredBefore[start];

    /// <summary>A command-line option (<c>-p</c>, <c>--no-cache</c>, <c>--tag=x</c>): part of the command, not data.</summary>
    private static bool IsOption(ReadOnlySpan<char> text) => text.Length >= 2 && text[0] == '-' && (char.IsLetter(text[1]) || text[1] == '-' && text.Length > 2);

    /// <summary>The option's name only (<c>--tag=</c> for <c>--tag=v1</c>), so a renamed copy may change its value.</summary>
    private static ulong OptionHash(ReadOnlySpan<char> text)
    {
        var equals = text.IndexOf('=');
        return StableHash.Text(equals < 0 ? text : text[..(equals + 1)]);
    }

    private static bool IsLayout(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && c != '\\')
                return false;
        return true;
    }

    private static IEnumerable<ShellCommand> ShellCommands(FileModel file)
    {
        switch (file.Parsed?.Facts)
        {
            case ShellFacts shell:
                return shell.Commands;
            case DockerfileFacts docker:
                return docker.GlobalArgs.Concat(docker.Stages.SelectMany(s => s.Instructions))
                    .SelectMany(i => i.OnBuild is null ? [i] : new[] { i, i.OnBuild })
                    .SelectMany(i => i.Shell?.Commands ?? ImmutableArray<ShellCommand>.Empty);
            default:
                return [];
        }
    }

    private static HashSet<string> DefinedFunctions(FileModel file)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (file.Parsed is null)
            return names;
        foreach (var node in file.Parsed.Root.DescendantsAndSelf())
            if (node.Kind == NodeKind.Function && node.Name is not null)
                names.Add(node.Name);
        foreach (var symbol in file.Parsed.Symbols)
            if (symbol.Kind == SymbolKind.ShellFunction)
                names.Add(symbol.Name);
        return names;
    }

    private void MarkKnownBoilerplate(List<ShellCommand> commands)
    {
        switch (File.Language)
        {
            case Language.Python:
                foreach (var import in File.FactsAs<PythonFacts>()?.Imports ?? ImmutableArray<PythonImport>.Empty)
                    if (import.Style is ImportStyle.Import or ImportStyle.From)
                        MarkSpan(import.Span);
                break;
            case Language.CSharp:
                MarkUsingDirectives();
                break;
            case Language.Dockerfile:
                MarkFromLines();
                break;
        }

        foreach (var command in commands)
        {
            if (!IsBoilerplateCommand(command))
                continue;
            var (start, end) = TokenRange(command.Span);
            if (start >= end)
                continue;
            MarkRange(start, end);
            if (end < Count && TextOf(end) is "&&" or ";")
                Boilerplate[end] = true;
            else if (start > 0 && TextOf(start - 1) is "&&")
                Boilerplate[start - 1] = true;
        }
    }

    private static bool IsBoilerplateCommand(ShellCommand command)
    {
        var name = command.Name.StaticValue;
        if (name is "set" or "shopt")
            return true;
        if (name is not null && PackageManagers.Contains(name))
            return command.Arguments.Any(a => a.StaticValue is { } value && PackageIndexVerbs.Contains(value));
        if (name == "rm")
            return command.Arguments.Any(a => PackageCaches.Any(c => a.Text.Contains(c)));
        return false;
    }

    private void MarkUsingDirectives()
    {
        for (var i = 0; i < Count; i++)
        {
            if (TextOf(i) is not "using" || !StartsLine(i) || i + 1 < Count && TextOf(i + 1) is "(" or "var")
                continue;
            var end = i;
            while (end < Count && TextOf(end) is not ";")
                end++;
            MarkRange(i, Math.Min(end + 1, Count));
        }
    }

    private void MarkFromLines()
    {
        for (var i = 0; i < Count; i++)
        {
            if (tokens!.KindAt(Code[i]) != TokenKind.Keyword || !TextOf(i).Equals("FROM", StringComparison.OrdinalIgnoreCase) || !StartsLine(i))
                continue;
            var end = i;
            while (end < Count && codeStartLine[end] == codeStartLine[i])
                end++;
            MarkRange(i, end);
        }
    }

    private bool StartsLine(int codeToken) => codeToken == 0 || codeEndLine[codeToken - 1] < codeStartLine[codeToken];

    private void MarkSpan(SourceSpan span)
    {
        var (start, end) = TokenRange(span);
        MarkRange(start, end);
    }

    private void MarkRange(int start, int end)
    {
        for (var i = start; i < end; i++)
            Boilerplate[i] = true;
    }

    private int FirstAtOrAfter(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codeStart[mid] < offset)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    /// <summary>Code-token index where each source line's tokens start (a token belongs to the line it starts on), plus the end.</summary>
    private int[] LineStarts()
    {
        var starts = new List<int>();
        var previous = -1;
        for (var i = 0; i < Count; i++)
        {
            var line = codeStartLine[i];
            if (line != previous)
                starts.Add(i);
            previous = line;
        }

        starts.Add(Count);
        return starts.ToArray();
    }

    private int OwnTokens(int start, int end)
    {
        var own = 0;
        for (var i = start; i < end; i++)
            if (!Boilerplate[i])
                own++;
        return own;
    }

    /// <summary>A line's key: its exact tokens, qualified by the language (a line is common among files of its language).</summary>
    private ulong LineKey(int start, int end) => StableHash.Combine((ulong)File.Language, StableHash.Sequence(Exact.AsSpan(start, end - start)));

    /// <summary>Line keys depend on the boilerplate marks, so they are computed once those are set.</summary>
    private FileFingerprint WithLineKeys(bool withDistinct)
    {
        lineKeys = new ulong[Math.Max(0, lineStarts.Length - 1)];
        var keys = withDistinct ? new List<ulong>(lineStarts.Length) : null;
        for (var line = 0; line < lineStarts.Length - 1; line++)
        {
            lineKeys[line] = LineKey(lineStarts[line], lineStarts[line + 1]);
            if (keys is not null && OwnTokens(lineStarts[line], lineStarts[line + 1]) > 0)
                keys.Add(lineKeys[line]);
        }

        if (keys is null)
            return this;
        keys.Sort();
        var distinct = new List<ulong>(keys.Count);
        foreach (var key in keys)
            if (distinct.Count == 0 || distinct[^1] != key)
                distinct.Add(key);
        LineKeys = distinct.ToArray();
        return this;
    }

    private void CloseRun(List<int> run, ref int runTokens, int minTokens)
    {
        if (run.Count > 0 && runTokens < minTokens)
            foreach (var line in run)
                MarkRange(lineStarts[line], lineStarts[line + 1]);
        run.Clear();
        runTokens = 0;
    }
}
