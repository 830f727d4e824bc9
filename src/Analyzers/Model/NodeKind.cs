namespace Consolidate.Analyzers.Model;

/// <summary>The language-neutral kind of a syntax node; <see cref="SyntaxNode.RawKind"/> keeps the parser's own name.</summary>
public enum NodeKind
{
    /// <summary>The whole file.</summary>
    File,
    /// <summary>A Python function or method, a shell function.</summary>
    Function,
    /// <summary>A Python class.</summary>
    Class,
    /// <summary>A Dockerfile build stage (FROM up to the next FROM).</summary>
    Stage,
    /// <summary>A Dockerfile instruction.</summary>
    Instruction,
    /// <summary>A compose service.</summary>
    Service,
    /// <summary>A statement: a Python statement, a shell command, pipeline or list.</summary>
    Statement,
    /// <summary>A compound body: a block, loop, if, case, subshell.</summary>
    Block,
    /// <summary>A parse error region (recovered).</summary>
    Error,
    Other,
}
