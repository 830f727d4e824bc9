namespace System.Text;

/// <summary>.NET 8's <c>Ascii.IsValid</c> for the netstandard2.0 build of the engine. Only the analyzer package compiles this file.</summary>
internal static class Ascii
{
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c >= 0x80)
                return false;
        }

        return true;
    }
}
