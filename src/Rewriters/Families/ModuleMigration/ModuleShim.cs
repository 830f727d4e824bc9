using System.Text;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>
/// The text that replaces a duplicate when consolidate.yml asks for shims: a star import of the canonical module (for
/// whatever third-party code takes from it) plus the duplicate's own top-level names that the canonical defines, named
/// explicitly so <c>from old import _private</c> and names outside the canonical's <c>__all__</c> keep working.
/// </summary>
internal static class ModuleShim
{
    public static string Text(CanonicalModule canonical, string duplicate, IEnumerable<string> names)
    {
        var b = new StringBuilder();
        b.Append("\"\"\"Moved to ").Append(canonical.Name).Append(" (").Append(canonical.Path).Append(").\n\n");
        b.Append("This module only re-exports it so that code outside the repository importing ").Append(duplicate).Append('\n');
        b.Append("keeps working; import ").Append(canonical.Name).Append(" instead.\n\"\"\"\n\n");
        b.Append("from ").Append(canonical.Name).Append(" import *  # noqa: F401,F403\n");
        var explicitNames = names.Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (explicitNames.Count > 0)
        {
            b.Append("from ").Append(canonical.Name).Append(" import (  # noqa: F401\n");
            foreach (var name in explicitNames)
                b.Append("    ").Append(name).Append(",\n");
            b.Append(")\n");
        }

        return b.ToString();
    }
}
