using System.Collections.Immutable;
using System.Globalization;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;
using Consolidate.Rewriters;
using Consolidate.Rewriters.Families.ContainerSecurity;

namespace Consolidate.Analyzers.Package;

/// <summary>
/// The edits the <c>container-security</c> fix family would write for CONS101 (a non-root user, <see cref="NonRootUser"/>)
/// and CONS102 (a configured pin, <see cref="BaseImagePin"/>), planned by the rewriters' own source (linked from
/// src/Rewriters) on the same model, so a code fix writes exactly what <c>consolidate-analyze fix</c> writes. Only safe
/// edits become properties; a refusal leaves the diagnostic without a fix.
/// </summary>
internal sealed class PlannedEdits(RepositoryModel model)
{
    private readonly NonRootUser users = new(model);

    /// <summary>The properties of a planned safe edit for <paramref name="finding"/>, or null when there is none.</summary>
    public ImmutableDictionary<string, string?>? For(Engine.Diagnostic finding)
    {
        if (model.File(finding.Path) is not { Text: { } text } file)
            return null;
        var (edit, title) = finding.Rule.Id switch
        {
            "CONS101" => (users.Plan(file).Edit, "Add a non-root user (USER 10001:10001)"),
            "CONS102" when BaseImagePin.Plan(file, finding.Line, model.Config.Pins).Edit is { } pin => (pin, $"Pin the base image to {pin.Replacement}"),
            _ => ((TextEdit?)null, ""),
        };
        if (edit is null || edit.Safety != FixSafety.Safe)
            return null;
        return ImmutableDictionary<string, string?>.Empty
            .Add(FixProperties.Title, title)
            .Add(FixProperties.Start, edit.Start.ToString(CultureInfo.InvariantCulture))
            .Add(FixProperties.Length, edit.Length.ToString(CultureInfo.InvariantCulture))
            .Add(FixProperties.Text, edit.Replacement)
            .Add(FixProperties.DocumentLength, text.Text.Length.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Whether the package plans edits for this rule's findings.</summary>
    public static bool Plans(RuleDescriptor rule) => rule == RuleCatalog.DockerfileRunsAsRoot || rule == RuleCatalog.DockerfileUnpinnedBase;
}
