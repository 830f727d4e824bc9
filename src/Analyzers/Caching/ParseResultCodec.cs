using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// A file's parse result as the scan keeps it (status, reason, tree, compact tokens, symbols, facts, issues) in the
/// cache's binary layout, and back. Every field of every model record is written, default arrays stay default, and
/// token texts are not written (they are slices of the file, which the scan has read anyway). A test round-trips the
/// frontends' output on every fixture and compares it field by field.
/// </summary>
internal static class ParseResultCodec
{
    public static void Write(EntryWriter w, ParseStatus status, string? reason, ParsedSource? parsed)
    {
        w.Byte((byte)status);
        w.String(reason);
        w.Bool(parsed is not null);
        if (parsed is null)
            return;
        w.Bool(parsed.Failed);
        Array(w, parsed.Issues, (w, issue) =>
        {
            w.Int(issue.Line);
            w.Int(issue.Column);
            w.String(issue.Message);
            w.Bool(issue.IsNote);
        });
        Tokens(w, parsed.TokenTable);
        Node(w, parsed.Root);
        Array(w, parsed.Symbols, (w, symbol) =>
        {
            w.Byte((byte)symbol.Kind);
            w.String(symbol.Name);
            w.String(symbol.Container);
            w.Span(symbol.Span);
        });
        Facts(w, parsed.Facts);
        LineKeys(w, parsed.CloneLineKeys);
    }

    public static (ParseStatus Status, string? Reason, ParsedSource? Parsed) Read(ReadOnlySpan<byte> payload, SourceText text)
    {
        var r = new EntryReader(payload);
        try
        {
            return Read(ref r, text);
        }
        finally
        {
            r.Dispose();
        }
    }

    private static (ParseStatus Status, string? Reason, ParsedSource? Parsed) Read(ref EntryReader r, SourceText text)
    {
        var status = r.Enum<ParseStatus>((int)ParseStatus.Skipped);
        var reason = r.String();
        if (!r.Bool())
            return End<(ParseStatus, string?, ParsedSource?)>(ref r, (status, reason, null));
        var failed = r.Bool();
        var issues = Array(ref r, static (ref EntryReader r) => new ParseIssue(r.Int(), r.Int(), r.RequiredString(), r.Bool()));
        var tokens = Tokens(ref r, text);
        var root = Node(ref r);
        var symbols = Array(ref r, static (ref EntryReader r) => new Symbol(r.Enum<SymbolKind>((int)SymbolKind.Service), r.RequiredString(), r.String(), r.Span()));
        var facts = Facts(ref r);
        var lineKeys = LineKeys(ref r);
        var parsed = new ParsedSource(root, ImmutableArray<Token>.Empty, symbols, facts, issues, failed) { CloneLineKeys = lineKeys }.WithTokenTable(tokens);
        return End<(ParseStatus, string?, ParsedSource?)>(ref r, (status, reason, parsed));
    }

    private static T End<T>(ref EntryReader r, T value) => r.AtEnd ? value : throw new CorruptEntryException("bytes after the entry");

    private delegate T ItemReader<T>(ref EntryReader r);

    // Arrays: 0 for a default array, else the count plus one.
    private static void Array<T>(EntryWriter w, ImmutableArray<T> items, Action<EntryWriter, T> write)
    {
        if (items.IsDefault)
        {
            w.Int(0);
            return;
        }

        w.Int(items.Length + 1);
        foreach (var item in items)
            write(w, item);
    }

    private static ImmutableArray<T> Array<T>(ref EntryReader r, ItemReader<T> read)
    {
        var tag = r.ArrayTag();
        if (tag == 0)
            return default;
        if (tag == 1)
            return ImmutableArray<T>.Empty;
        // An exact-size array handed over as is: no builder to allocate and copy out of.
        var items = new T[tag - 1];
        for (var i = 0; i < items.Length; i++)
            items[i] = read(ref r);
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    // Line keys: 0 when not worked out, else 1 and the keys as 8-byte values (hashes: 7-bit packing would not shrink them).
    private static void LineKeys(EntryWriter w, ImmutableArray<ulong> keys)
    {
        w.Bool(!keys.IsDefault);
        if (!keys.IsDefault)
            w.Bytes(MemoryMarshal.AsBytes(keys.AsSpan()));
    }

    private static ImmutableArray<ulong> LineKeys(ref EntryReader r)
    {
        if (!r.Bool())
            return default;
        var bytes = r.Bytes();
        if (bytes.Length % sizeof(ulong) != 0)
            throw new CorruptEntryException("line keys are not whole 8-byte values");
        return ImmutableCollectionsMarshal.AsImmutableArray(MemoryMarshal.Cast<byte, ulong>(bytes).ToArray());
    }

    private static void Strings(EntryWriter w, ImmutableArray<string> items) => Array(w, items, static (w, s) => w.String(s));

    private static ImmutableArray<string> Strings(ref EntryReader r) => Array(ref r, static (ref EntryReader r) => r.RequiredString());

    private static void Tokens(EntryWriter w, TokenTable table)
    {
        if (!table.IsCompact)
        {
            // Only an empty table is stored uncompacted by the scan; anything else is written whole.
            w.Byte(0);
            Array(w, table.Tokens, static (w, t) => Token(w, t));
            return;
        }

        w.Byte(1);
        var (kinds, starts, lengths, irregular) = table.Columns;
        w.Bytes(kinds);
        var previous = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            w.SignedInt(starts[i] - previous);
            w.Int(lengths[i]);
            previous = starts[i];
        }

        w.Int(irregular?.Count ?? 0);
        if (irregular is null || irregular.Count == 0)
            return;
        // In index order (the table's order is its insertion order, which nothing promises).
        var indexes = new int[irregular.Count];
        var n = 0;
        foreach (var index in irregular.Keys)
            indexes[n++] = index;
        System.Array.Sort(indexes);
        foreach (var index in indexes)
        {
            w.Int(index);
            Token(w, irregular[index]);
        }
    }

    private static TokenTable Tokens(ref EntryReader r, SourceText text)
    {
        if (r.Byte() == 0)
            return TokenTable.Of(Array(ref r, static (ref EntryReader r) => Token(ref r)));
        // The columns live as long as the scan: on the pinned heap, the collector never copies them between generations.
        var written = r.Bytes();
        var kinds = GC.AllocateUninitializedArray<byte>(written.Length, pinned: true);
        written.CopyTo(kinds);
        var starts = GC.AllocateUninitializedArray<int>(kinds.Length, pinned: true);
        var lengths = GC.AllocateUninitializedArray<int>(kinds.Length, pinned: true);
        var previous = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            starts[i] = previous + r.SignedInt();
            lengths[i] = r.Int();
            previous = starts[i];
        }

        var count = r.Count();
        Dictionary<int, Token>? irregular = count == 0 ? null : new Dictionary<int, Token>(count);
        for (var i = 0; i < count; i++)
        {
            var index = r.Int();
            var token = Token(ref r);
            if (index >= kinds.Length || !irregular!.TryAdd(index, token))
                throw new CorruptEntryException("bad irregular token index");
        }

        return TokenTable.FromColumns(text, kinds, starts, lengths, irregular)
            ?? throw new CorruptEntryException("tokens do not fit the file");
    }

    private static void Token(EntryWriter w, Token token)
    {
        w.Byte((byte)token.Kind);
        w.Text(token.Text);
        w.Span(token.Span);
    }

    private static Token Token(ref EntryReader r) => new(r.Enum<TokenKind>((int)TokenKind.Comment), r.Text(), r.Span());

    // The tree in pre-order; a node's children follow it, preceded by their count.
    private static void Node(EntryWriter w, SyntaxNode root)
    {
        // Iterative (a 10,000-deep tree must not recurse): a stack of the nodes still to write, children pushed last
        // first. The stack is a pooled array, so writing an entry does not grow a new one.
        var stack = ArrayPool<SyntaxNode>.Shared.Rent(64);
        var count = 0;
        stack[count++] = root;
        try
        {
            while (count > 0)
            {
                var node = stack[--count];
                w.Byte((byte)node.Kind);
                w.String(node.RawKind);
                w.String(node.Name);
                w.Span(node.Span);
                var children = node.Children;
                if (children.IsDefault)
                {
                    w.Int(0);
                    continue;
                }

                w.Int(children.Length + 1);
                if (stack.Length - count < children.Length)
                    stack = Grown(stack, count, count + children.Length);
                for (var i = children.Length - 1; i >= 0; i--)
                    stack[count++] = children[i];
            }
        }
        finally
        {
            ArrayPool<SyntaxNode>.Shared.Return(stack, clearArray: true);
        }
    }

    /// <summary>A pooled array of at least <paramref name="needed"/> holding <paramref name="stack"/>'s first <paramref name="count"/> items; <paramref name="stack"/> goes back to the pool.</summary>
    private static SyntaxNode[] Grown(SyntaxNode[] stack, int count, int needed)
    {
        var grown = ArrayPool<SyntaxNode>.Shared.Rent(Math.Max(needed, 2 * stack.Length));
        System.Array.Copy(stack, grown, count);
        ArrayPool<SyntaxNode>.Shared.Return(stack, clearArray: true);
        return grown;
    }

    private static SyntaxNode Node(ref EntryReader r)
    {
        // Iterative (a 10,000-deep tree must not recurse), in pre-order: a node is made as soon as it is read, over its
        // exact-size child array, and the array is filled as its children are read; nothing outside sees it before
        // the whole tree is read. A node takes at least MinNodeBytes, so the nodes still owed must fit in what is left
        // of the entry: garbage cannot make the child arrays add up to more than the entry holds.
        var open = new OpenNode[8];
        var depth = 0;
        long owed = 1;
        SyntaxNode? root = null;
        while (true)
        {
            owed--;
            var kind = r.Enum<NodeKind>((int)NodeKind.Other);
            var rawKind = r.RequiredString();
            var name = r.String();
            var span = r.Span();
            var children = r.ArrayTag();
            SyntaxNode[]? kids = null;
            SyntaxNode node;
            if (children >= 2)
            {
                owed += children - 1;
                if (owed * MinNodeBytes > r.Remaining)
                    throw new CorruptEntryException("tree shape");
                kids = new SyntaxNode[children - 1];
                node = new SyntaxNode(kind, rawKind, span, name, ImmutableCollectionsMarshal.AsImmutableArray(kids));
            }
            else
            {
                // Most nodes are leaves: one shared empty array, not one each.
                node = new SyntaxNode(kind, rawKind, span, name, children == 0 ? default : ImmutableArray<SyntaxNode>.Empty);
            }

            if (depth == 0)
            {
                root = node;
            }
            else
            {
                ref var parent = ref open[depth - 1];
                parent.Children[parent.Filled++] = node;
            }

            if (kids is not null)
            {
                if (depth == open.Length)
                    System.Array.Resize(ref open, depth * 2);
                open[depth++] = new OpenNode(kids);
                continue;
            }

            while (depth > 0 && open[depth - 1].Filled == open[depth - 1].Children.Length)
                open[--depth] = default;
            if (depth == 0)
                return root!;
        }
    }

    /// <summary>The fewest bytes a node takes: kind, raw kind, name, six span integers and the child tag.</summary>
    private const int MinNodeBytes = 10;

    /// <summary>The child array of a node whose children are not all read yet; <see cref="Filled"/> counts those that are.</summary>
    private struct OpenNode(SyntaxNode[] children)
    {
        public readonly SyntaxNode[] Children = children;
        public int Filled;
    }

    private static void Facts(EntryWriter w, LanguageFacts? facts)
    {
        switch (facts)
        {
            case null:
                w.Byte(0);
                break;
            case PythonFacts python:
                w.Byte(1);
                Array(w, python.Imports, static (w, i) =>
                {
                    w.Byte((byte)i.Style);
                    w.String(i.Module);
                    w.Int(i.Level);
                    Array(w, i.Names, static (w, n) =>
                    {
                        w.String(n.Name);
                        w.String(n.Alias);
                        w.Span(n.Span);
                    });
                    w.String(i.Alias);
                    w.Span(i.Span);
                    w.Span(i.ModuleSpan);
                    w.Bool(i.InFunction);
                    w.Bool(i.InTry);
                });
                Strings(w, python.TopLevelNames);
                break;
            case ShellFacts shell:
                w.Byte(2);
                Shell(w, shell);
                break;
            case DockerfileFacts docker:
                w.Byte(3);
                w.Int(docker.Directives.Count);
                foreach (var (key, value) in docker.Directives.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.String(key);
                    w.String(value);
                }

                Array(w, docker.GlobalArgs, static (w, i) => Instruction(w, i));
                Array(w, docker.Stages, static (w, s) =>
                {
                    w.Int(s.Index);
                    w.String(s.Name);
                    w.String(s.BaseImage);
                    w.String(s.Platform);
                    w.Span(s.FromSpan);
                    w.Span(s.Span);
                    Array(w, s.Instructions, static (w, i) => Instruction(w, i));
                });
                break;
            case ComposeFacts compose:
                w.Byte(4);
                Array(w, compose.Services, static (w, s) =>
                {
                    w.String(s.Name);
                    w.Span(s.NameSpan);
                    w.Span(s.Span);
                    Scalar(w, s.Image);
                    w.Bool(s.Build is not null);
                    if (s.Build is { } build)
                    {
                        Scalar(w, build.Context);
                        Scalar(w, build.Dockerfile);
                        w.Span(build.Span);
                    }

                    Array(w, s.Volumes, static (w, v) =>
                    {
                        w.String(v.Source);
                        w.String(v.Target);
                        w.String(v.Type);
                        w.Span(v.Span);
                    });
                    Scalar(w, s.Privileged);
                    Scalar(w, s.Pid);
                    Scalar(w, s.NetworkMode);
                    Scalar(w, s.Ipc);
                    Scalar(w, s.User);
                    w.Bool(s.Resources is not null);
                    if (s.Resources is { } resources)
                    {
                        Scalar(w, resources.MemoryLimit);
                        Scalar(w, resources.MemoryReservation);
                        Scalar(w, resources.CpuLimit);
                        Scalar(w, resources.CpuReservation);
                    }

                    Array(w, s.EnvFiles, static (w, e) => Scalar(w, e));
                    Scalar(w, s.ExtendsFile);
                    Scalar(w, s.ExtendsService);
                });
                break;
            case CSharpFacts csharp:
                w.Byte(5);
                Array(w, csharp.Strings, static (w, s) =>
                {
                    w.String(s.Value);
                    w.Span(s.Span);
                    w.Bool(s.Compared);
                });
                break;
            default:
                throw new NotSupportedException($"no cache layout for {facts.GetType().Name}: add it to {nameof(ParseResultCodec)}");
        }
    }

    private static LanguageFacts? Facts(ref EntryReader r)
    {
        switch (r.Byte())
        {
            case 0:
                return null;
            case 1:
                var imports = Array(ref r, static (ref EntryReader r) => new PythonImport(
                    r.Enum<ImportStyle>((int)ImportStyle.DunderImport),
                    r.RequiredString(),
                    r.Int(),
                    Array(ref r, static (ref EntryReader r) => new ImportedName(r.RequiredString(), r.String(), r.Span())),
                    r.String(),
                    r.Span(),
                    r.Span(),
                    r.Bool(),
                    r.Bool()));
                return new PythonFacts(imports, Strings(ref r));
            case 2:
                return Shell(ref r);
            case 3:
                var directives = ImmutableDictionary.CreateBuilder<string, string>();
                var count = r.Count();
                for (var i = 0; i < count; i++)
                    directives[r.RequiredString()] = r.RequiredString();
                var globalArgs = Array(ref r, static (ref EntryReader r) => Instruction(ref r));
                var stages = Array(ref r, static (ref EntryReader r) => new DockerStage(
                    r.Int(),
                    r.String(),
                    r.RequiredString(),
                    r.String(),
                    r.Span(),
                    r.Span(),
                    Array(ref r, static (ref EntryReader r) => Instruction(ref r))));
                return new DockerfileFacts(directives.ToImmutable(), globalArgs, stages);
            case 4:
                return new ComposeFacts(Array(ref r, static (ref EntryReader r) =>
                {
                    var name = r.RequiredString();
                    var nameSpan = r.Span();
                    var span = r.Span();
                    var image = Scalar(ref r);
                    ComposeBuild? build = r.Bool() ? new ComposeBuild(Scalar(ref r), Scalar(ref r), r.Span()) : null;
                    var volumes = Array(ref r, static (ref EntryReader r) => new ComposeVolume(r.String(), r.String(), r.String(), r.Span()));
                    var privileged = Scalar(ref r);
                    var pid = Scalar(ref r);
                    var networkMode = Scalar(ref r);
                    var ipc = Scalar(ref r);
                    var user = Scalar(ref r);
                    var resources = r.Bool() ? new ComposeResources(Scalar(ref r), Scalar(ref r), Scalar(ref r), Scalar(ref r)) : null;
                    var envFiles = Array(ref r, static (ref EntryReader r) => Scalar(ref r) ?? throw new CorruptEntryException("missing env_file"));
                    return new ComposeService(name, nameSpan, span, image, build, volumes, privileged, pid, networkMode, ipc, user, resources!,
                        envFiles, Scalar(ref r), Scalar(ref r));
                }));
            case 5:
                return new CSharpFacts(Array(ref r, static (ref EntryReader r) => new CSharpStringLiteral(r.RequiredString(), r.Span(), r.Bool())));
            default:
                throw new CorruptEntryException("unknown facts kind");
        }
    }

    private static void Shell(EntryWriter w, ShellFacts shell)
    {
        Array(w, shell.Commands, static (w, c) =>
        {
            Word(w, c.Name);
            Array(w, c.Arguments, static (w, a) => Word(w, a));
            w.Span(c.Span);
            w.String(c.Function);
            w.Int(c.Sequence);
        });
        Array(w, shell.Assignments, static (w, a) =>
        {
            w.String(a.Name);
            w.Bool(a.Value is not null);
            if (a.Value is { } value)
                Word(w, value);
            w.Span(a.Span);
            w.String(a.Function);
            w.Int(a.Sequence);
        });
        Array(w, shell.Heredocs, static (w, h) =>
        {
            w.String(h.Delimiter);
            w.Span(h.BodySpan);
        });
    }

    private static ShellFacts Shell(ref EntryReader r)
    {
        var commands = Array(ref r, static (ref EntryReader r) => new ShellCommand(
            Word(ref r),
            Array(ref r, static (ref EntryReader r) => Word(ref r)),
            r.Span(),
            r.String(),
            r.Int()));
        var assignments = Array(ref r, static (ref EntryReader r) =>
        {
            var name = r.RequiredString();
            var value = r.Bool() ? Word(ref r) : null;
            return new ShellAssignment(name, value, r.Span(), r.String(), r.Int());
        });
        var heredocs = Array(ref r, static (ref EntryReader r) => new ShellHeredoc(r.RequiredString(), r.Span()));
        return new ShellFacts(commands, assignments, heredocs);
    }

    private static void Word(EntryWriter w, ShellWord word)
    {
        w.String(word.Text);
        Array(w, word.Parts, static (w, p) =>
        {
            w.Byte((byte)p.Kind);
            w.String(p.Text);
        });
        w.Span(word.Span);
    }

    private static ShellWord Word(ref EntryReader r) => new(
        r.RequiredString(),
        Array(ref r, static (ref EntryReader r) => new ShellWordPart(r.Enum<ShellWordPartKind>((int)ShellWordPartKind.Unknown), r.RequiredString())),
        r.Span());

    private static void Instruction(EntryWriter w, DockerInstruction instruction)
    {
        w.String(instruction.Keyword);
        Array(w, instruction.Flags, static (w, f) =>
        {
            w.String(f.Name);
            w.String(f.Value);
            w.Span(f.Span);
        });
        w.String(instruction.Arguments);
        w.Span(instruction.ArgumentsSpan);
        Strings(w, instruction.ExecForm);
        Array(w, instruction.Heredocs, static (w, h) =>
        {
            w.String(h.Delimiter);
            w.Bool(h.StripTabs);
            w.Bool(h.Quoted);
            w.String(h.Body);
            w.Span(h.BodySpan);
        });
        w.Span(instruction.Span);
        w.Bool(instruction.Shell is not null);
        if (instruction.Shell is { } shell)
            Shell(w, shell);
        w.Bool(instruction.OnBuild is not null);
        if (instruction.OnBuild is { } onBuild)
            Instruction(w, onBuild);
    }

    private static DockerInstruction Instruction(ref EntryReader r)
    {
        var keyword = r.RequiredString();
        var flags = Array(ref r, static (ref EntryReader r) => new DockerFlag(r.RequiredString(), r.String(), r.Span()));
        var arguments = r.RequiredString();
        var argumentsSpan = r.Span();
        var execForm = Strings(ref r);
        var heredocs = Array(ref r, static (ref EntryReader r) => new DockerHeredoc(r.RequiredString(), r.Bool(), r.Bool(), r.RequiredString(), r.Span()));
        var span = r.Span();
        var shell = r.Bool() ? Shell(ref r) : null;
        var onBuild = r.Bool() ? Instruction(ref r) : null;
        return new DockerInstruction(keyword, flags, arguments, argumentsSpan, execForm, heredocs, span, shell, onBuild);
    }

    private static void Scalar(EntryWriter w, ComposeScalar? scalar)
    {
        w.Bool(scalar is not null);
        if (scalar is null)
            return;
        w.String(scalar.Value);
        w.Span(scalar.Span);
    }

    private static ComposeScalar? Scalar(ref EntryReader r) => r.Bool() ? new ComposeScalar(r.RequiredString(), r.Span()) : null;
}
