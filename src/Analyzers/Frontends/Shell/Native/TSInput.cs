using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// tree-sitter's <c>TSInput</c>: <c>void *payload; const char *(*read)(void *payload, uint32_t byte_index, TSPoint
/// position, uint32_t *bytes_read); TSInputEncoding encoding; DecodeFunction decode;</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TSInput
{
    /// <summary><c>TSInputEncodingUTF8</c>.</summary>
    public const int EncodingUtf8 = 0;

    public void* Payload;
    public delegate* unmanaged<void*, uint, TSPoint, uint*, byte*> Read;
    public int Encoding;
    public nint Decode;
}
