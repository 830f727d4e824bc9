using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// tree-sitter's <c>TSParseOptions</c>: <c>void *payload; bool (*progress_callback)(TSParseState *state);</c>. The callback
/// returning true cancels the parse; 0.25 deprecates the timeout and cancellation-flag setters in its favour. On
/// netstandard2.0 (the analyzer package) <see cref="ProgressCallback"/> holds a pointer made from a delegate.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TSParseOptions
{
    public void* Payload;
#if NET
    public delegate* unmanaged<TSParseState*, byte> ProgressCallback;
#else
    public nint ProgressCallback;
#endif
}
