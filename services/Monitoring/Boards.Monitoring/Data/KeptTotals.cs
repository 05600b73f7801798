namespace Boards.Monitoring.Data;

/// <summary>
/// The totals movements of one consumer transaction, one per municipality (the sum of its facts' movements) and one per
/// municipality and creation month, until <see cref="MunicipalityTotalsWrites.WriteKeptTotalsAsync"/> writes them at the
/// transaction's end.
/// </summary>
internal sealed class KeptTotals
{
    private readonly Dictionary<string, FactMovement> _byMunicipality = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, DateOnly Month), ReferralTally> _byMonth = [];

    /// <summary>What to write: municipalities whose tallies or medians moved (movements that cancel out are left out).</summary>
    public IReadOnlyCollection<FactMovement> Movements => [.. _byMunicipality.Values.Where(m => m.ChangesTotals)];

    /// <summary>The monthly rows to move, in (code, month) order: the order every transaction locks them in.</summary>
    public IReadOnlyList<(string Code, DateOnly Month, ReferralTally Delta)> MonthMovements =>
    [
        .. _byMonth.Where(m => !m.Value.IsZero)
            .OrderBy(m => m.Key.Code, StringComparer.Ordinal).ThenBy(m => m.Key.Month)
            .Select(m => (m.Key.Code, m.Key.Month, m.Value)),
    ];

    public void Add(FactMovement movement)
    {
        _byMunicipality[movement.MunicipalityCode] = _byMunicipality.TryGetValue(movement.MunicipalityCode, out var kept)
            ? kept.Plus(movement)
            : movement;
        var month = (movement.MunicipalityCode, movement.Month);
        _byMonth[month] = _byMonth.GetValueOrDefault(month) + movement.Delta;
    }

    public void Clear()
    {
        _byMunicipality.Clear();
        _byMonth.Clear();
    }
}
