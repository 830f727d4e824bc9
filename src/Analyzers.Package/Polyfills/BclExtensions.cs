using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Consolidate.Analyzers;

/// <summary>
/// .NET APIs the engine calls that netstandard2.0 lacks and the Polyfill package does not supply, as extension members
/// with the same names and meaning, so the engine's source compiles unchanged for the analyzer package. They live in
/// the engine's root namespace, so every engine file finds them before the BCL's own overloads. Only the analyzer
/// package compiles this file.
/// </summary>
internal static class BclExtensions
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull(object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
                throw new ArgumentNullException(paramName);
        }
    }

    extension(ObjectDisposedException)
    {
        public static void ThrowIf(bool condition, object instance)
        {
            if (condition)
                throw new ObjectDisposedException(instance.GetType().FullName);
        }
    }

    extension(Marshal)
    {
        public static unsafe string? PtrToStringUTF8(nint pointer)
        {
            if (pointer == 0)
                return null;
            var bytes = (byte*)pointer;
            var length = 0;
            while (bytes[length] != 0)
                length++;
            return System.Text.Encoding.UTF8.GetString(bytes, length);
        }
    }

    extension(string)
    {
        public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => first.ToString() + second.ToString();
    }

    public static int IndexOfAnyInRange(this ReadOnlySpan<char> span, char low, char high)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] >= low && span[i] <= high)
                return i;
        }

        return -1;
    }

    public static int IndexOfAny(this ReadOnlySpan<char> span, System.Buffers.SearchValues<char> values)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (values.Contains(span[i]))
                return i;
        }

        return -1;
    }

    public static bool ContainsAnyExcept(this ReadOnlySpan<char> span, System.Buffers.SearchValues<char> values)
    {
        foreach (var c in span)
        {
            if (!values.Contains(c))
                return true;
        }

        return false;
    }
}
