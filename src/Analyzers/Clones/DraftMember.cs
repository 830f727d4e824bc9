namespace Consolidate.Analyzers.Clones;

/// <summary>A clone-class member with where its tokens are (file index, code-token range), so later steps can tell what lies inside it.</summary>
internal readonly record struct DraftMember(CloneMember Member, int File, int TokenStart, int TokenEnd);
