namespace Consolidate.Rewriters;

/// <summary>
/// What the model does not hold about a file on disk: the SHA-256 of its raw bytes and whether it is executable. Read by
/// the back end before a family runs, so rewriters stay free of IO and can still prove two copies are the same bytes.
/// </summary>
public sealed record DiskFile(string Sha256, bool Executable);
