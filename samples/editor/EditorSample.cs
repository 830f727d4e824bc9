namespace EditorSample;

/// <summary>Nothing to compile but this: the findings are on the scripts, Dockerfile, Python and compose files.</summary>
public static class EditorSample
{
    public static string Name => "editor";
}
