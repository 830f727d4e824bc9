using System.Security.Cryptography;
using System.Text;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// A finding's identity across runs: rule, path and the trimmed text of the line it points at, so inserting an
/// unrelated line above it does not change it (used by SARIF partialFingerprints and the baseline).
/// </summary>
public static class Fingerprint
{
    public static string Of(Diagnostic diagnostic)
    {
        var key = $"{diagnostic.Rule.Id}\n{diagnostic.Path}\n{diagnostic.Snippet ?? diagnostic.Message}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant();
    }
}
