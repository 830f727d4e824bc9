namespace Consolidate.Rewriters;

public enum FileChangeKind
{
    Edit,
    Create,
    Delete,
}
