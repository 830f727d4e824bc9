using System.Runtime.InteropServices;
using System.Text;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// One native <c>TSParser</c> set to one grammar. Not thread-safe: its owner lends it to one thread at a time.
/// <see cref="Parse"/> hands tree-sitter the text as UTF-8 and stops at the budget; the caller copies what it needs out
/// of the tree and disposes it at once. The callbacks are <c>UnmanagedCallersOnly</c> function pointers on .NET and
/// pointers made from delegates on netstandard2.0 (the analyzer package), which has neither.
/// </summary>
internal sealed unsafe class TreeSitterParser : IDisposable
{
#if !NET
    // One delegate of each kind for the whole process: static, so the pointers handed to tree-sitter never outlive them.
    private static readonly ReadCallback Reader = ReadUtf8;
    private static readonly ProgressCallback Progress = ReportProgress;
    private static readonly nint ReaderPointer = Marshal.GetFunctionPointerForDelegate(Reader);
    private static readonly nint ProgressPointer = Marshal.GetFunctionPointerForDelegate(Progress);
#endif

    private readonly ParserHandle parser;

    /// <param name="language">A <c>TSLanguage*</c> of the library.</param>
    /// <param name="grammarName">For the message when the library's runtime rejects the grammar.</param>
    public TreeSitterParser(nint language, string grammarName)
    {
        parser = TreeSitterApi.ts_parser_new();
        if (parser.IsInvalid)
            throw new InvalidOperationException("ts_parser_new returned null");
        if (TreeSitterApi.ts_parser_set_language(parser, language) == 0)
        {
            parser.Dispose();
            throw new InvalidOperationException($"ts_parser_set_language rejected the {grammarName} grammar (ABI version mismatch)");
        }
    }

#if !NET
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate byte* ReadCallback(void* payload, uint byteIndex, TSPoint position, uint* bytesRead);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate byte ProgressCallback(TSParseState* state);

#endif
    /// <summary>
    /// The tree of <paramref name="text"/> (whose UTF-8 layout <paramref name="offsets"/> describes), or null when the
    /// budget ran out or tree-sitter gave up (an external scanner failed). Throws when cancelled.
    /// </summary>
    public TreeHandle? Parse(string text, Utf8OffsetMap offsets, ParseBudget budget)
    {
        var length = offsets.ByteCount;
        // One extra NUL byte, so the end-of-input pointer handed to tree-sitter points at memory we own.
        var buffer = (byte*)Marshal.AllocHGlobal(length + 1);
        buffer[length] = 0;
        var budgetHandle = GCHandle.Alloc(budget);
        try
        {
            fixed (char* chars = text)
                Encoding.UTF8.GetBytes(chars, text.Length, buffer, length);
            var source = new Utf8Source { Data = buffer, Length = (uint)length };
#if NET
            var input = new TSInput { Payload = &source, Read = &ReadUtf8, Encoding = TSInput.EncodingUtf8 };
            var options = new TSParseOptions { Payload = (void*)GCHandle.ToIntPtr(budgetHandle), ProgressCallback = &ReportProgress };
#else
            var input = new TSInput { Payload = &source, Read = ReaderPointer, Encoding = TSInput.EncodingUtf8 };
            var options = new TSParseOptions { Payload = (void*)GCHandle.ToIntPtr(budgetHandle), ProgressCallback = ProgressPointer };
#endif
            var tree = TreeSitterApi.ts_parser_parse_with_options(parser, 0, input, options);
            if (!tree.IsInvalid)
                return tree;

            // No tree: cancelled by the progress callback, or the external scanner failed. A cancelled parse stays
            // resumable and still points at the input: forget it before the buffer goes.
            tree.Dispose();
            TreeSitterApi.ts_parser_reset(parser);
            budget.CancellationToken.ThrowIfCancellationRequested();
            return null;
        }
        finally
        {
            budgetHandle.Free();
            Marshal.FreeHGlobal((nint)buffer);
        }
    }

    public void Dispose() => parser.Dispose();

#if NET
    [UnmanagedCallersOnly]
#endif
    private static byte* ReadUtf8(void* payload, uint byteIndex, TSPoint position, uint* bytesRead)
    {
        var source = (Utf8Source*)payload;
        if (byteIndex >= source->Length)
        {
            *bytesRead = 0;
            return source->Data + source->Length;
        }

        *bytesRead = source->Length - byteIndex;
        return source->Data + byteIndex;
    }

#if NET
    [UnmanagedCallersOnly]
#endif
    private static byte ReportProgress(TSParseState* state)
    {
        var budget = GCHandle.FromIntPtr((nint)state->Payload).Target as ParseBudget;
        return budget is null || budget.ShouldStop ? (byte)1 : (byte)0;
    }

    private struct Utf8Source
    {
        public byte* Data;
        public uint Length;
    }
}
