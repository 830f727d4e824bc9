using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>tree-sitter's <c>TSPoint</c>: a zero-based row and a byte column.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TSPoint
{
    public uint Row;
    public uint Column;
}
