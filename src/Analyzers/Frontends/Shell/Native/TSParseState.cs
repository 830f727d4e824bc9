using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>tree-sitter's <c>TSParseState</c>, handed to the progress callback: <c>void *payload; uint32_t current_byte_offset; bool has_error;</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TSParseState
{
    public void* Payload;
    public uint CurrentByteOffset;
    public byte HasError;
}
