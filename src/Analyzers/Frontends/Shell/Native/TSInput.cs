using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// tree-sitter's <c>TSInput</c>: <c>void *payload; const char *(*read)(void *payload, uint32_t byte_index, TSPoint
/// position, uint32_t *bytes_read); TSInputEncoding encoding; DecodeFunction decode;</c>. On netstandard2.0 (the
/// analyzer package), which has no unmanaged function pointers, <see cref="Read"/> holds a pointer made from a delegate.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TSInput
{
    /// <summary><c>TSInputEncodingUTF8</c>.</summary>
    public const int EncodingUtf8 = 0;

    public void* Payload;
#if NET
    public delegate* unmanaged<void*, uint, TSPoint, uint*, byte*> Read;
#else
    public nint Read;
#endif
    public int Encoding;
    public nint Decode;
}
