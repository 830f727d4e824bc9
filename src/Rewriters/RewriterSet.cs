using System.Collections.Immutable;
using Consolidate.Rewriters.Families.BannedTerms;
using Consolidate.Rewriters.Families.ComposeResources;
using Consolidate.Rewriters.Families.ContainerSecurity;
using Consolidate.Rewriters.Families.DuplicateFiles;
using Consolidate.Rewriters.Families.ModuleMigration;

namespace Consolidate.Rewriters;

/// <summary>Every family, in the order their patches are numbered and applied.</summary>
public static class RewriterSet
{
    public static ImmutableArray<IRewriter> All { get; } = [new ModuleMigrationRewriter(), new BannedTermsRewriter(), new ComposeResourcesRewriter(), new DuplicateFilesRewriter(), new ContainerSecurityRewriter()];

    public static IRewriter? Find(string family) => All.FirstOrDefault(r => r.Family.Equals(family, StringComparison.Ordinal));
}
