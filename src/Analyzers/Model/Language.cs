namespace Consolidate.Analyzers.Model;

/// <summary>How the scanner classified a file (report `files[].language`).</summary>
public enum Language
{
    Python,
    Shell,
    Dockerfile,
    Compose,
    CSharp,
    Other,
}
