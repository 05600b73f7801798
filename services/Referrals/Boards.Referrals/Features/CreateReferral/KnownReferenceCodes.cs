using System.Collections.Concurrent;

namespace Boards.Referrals.Features.CreateReferral;

/// <summary>
/// Municipality and institution codes already found in the database. Both tables only ever gain rows (replicas and the
/// shipped catalog are never deleted), so a code seen once stays valid and a create need not read it again. Codes not
/// seen yet are always looked up, so a municipality registered a moment ago is found at once.
/// </summary>
public sealed class KnownReferenceCodes
{
    private readonly ConcurrentDictionary<string, byte> _municipalities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _institutions = new(StringComparer.Ordinal);

    public bool IsKnownMunicipality(string code) => _municipalities.ContainsKey(code);

    public bool IsKnownInstitution(string code) => _institutions.ContainsKey(code);

    public void RememberMunicipalities(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            _municipalities.TryAdd(code, 0);
        }
    }

    public void RememberInstitutions(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            _institutions.TryAdd(code, 0);
        }
    }
}
