using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// <c>TSInput</c> for the analyzer package: the read callback is a pointer made from a delegate
/// (<see cref="Marshal.GetFunctionPointerForDelegate{TDelegate}(TDelegate)"/>), since netstandard2.0 has no unmanaged
/// function pointers (<c>UnmanagedCallersOnly</c>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TSInput
{
    public const int EncodingUtf8 = 0;

    public nint Payload;
    public nint Read;
    public int Encoding;
    public nint Decode;
}
