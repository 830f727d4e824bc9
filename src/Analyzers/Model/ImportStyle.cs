namespace Consolidate.Analyzers.Model;

public enum ImportStyle
{
    /// <summary><c>import a.b.c</c> or <c>import a.b.c as x</c> (one fact per dotted name).</summary>
    Import,
    /// <summary><c>from a.b import c, d as e</c>, <c>from . import x</c>, <c>from ..m import y</c>.</summary>
    From,
    /// <summary><c>importlib.import_module("a.b")</c> (string argument).</summary>
    ImportModuleCall,
    /// <summary><c>mock.patch("a.b.C.method")</c> / <c>patch("...")</c> / <c>patch.object</c> targets given as strings.</summary>
    MockPatch,
    /// <summary><c>__import__("a.b")</c>.</summary>
    DunderImport,
}
