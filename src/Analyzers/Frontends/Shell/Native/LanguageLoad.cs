namespace Consolidate.Analyzers.Frontends.Shell.Native;

/// <summary>
/// A grammar of the native library, or why the library could not be used. Frontends keep it (in a <c>Lazy</c>), so a
/// missing library costs one probe and every file then reports the same reason.
/// </summary>
internal sealed record LanguageLoad<TLanguage>(TLanguage? Language, string? Failure)
    where TLanguage : class
{
    public static LanguageLoad<TLanguage> From(Func<TLanguage> load)
    {
        const string Library = TreeSitterApi.LibraryFileName;
        try
        {
            return new LanguageLoad<TLanguage>(load(), null);
        }
        catch (DllNotFoundException ex)
        {
            return new LanguageLoad<TLanguage>(null, $"tree-sitter native library {Library} not found next to Consolidate.Analyzers.dll: {ex.Message}");
        }
        catch (EntryPointNotFoundException ex)
        {
            return new LanguageLoad<TLanguage>(null, $"tree-sitter native library {Library} next to Consolidate.Analyzers.dll lacks an entry point: {ex.Message}");
        }
        catch (BadImageFormatException ex)
        {
            return new LanguageLoad<TLanguage>(null, $"tree-sitter native library {Library} next to Consolidate.Analyzers.dll cannot be loaded: {ex.Message}");
        }
    }
}
