namespace Consolidate.Analyzers.Model;

public enum ShellWordPartKind
{
    /// <summary>Text known statically (quotes removed, escapes resolved).</summary>
    Literal,
    /// <summary>A parameter expansion of a variable the tool may know from an assignment: Text is the name.</summary>
    Variable,
    /// <summary>The directory of the running script: <c>$(dirname "$0")</c>, <c>$(dirname "${BASH_SOURCE[0]}")</c>,
    /// <c>${BASH_SOURCE%/*}</c>, <c>$(cd "$(dirname "$0")" &amp;&amp; pwd)</c> and their variants.</summary>
    ScriptDirectory,
    /// <summary>Any other command substitution: not known statically.</summary>
    CommandSubstitution,
    /// <summary>An unquoted glob character sequence (*, ?, [..]).</summary>
    Glob,
    /// <summary>Anything else not known statically (arithmetic, process substitution, special parameters).</summary>
    Unknown,
}
