namespace Boards.Monitoring.Data;

/// <summary>
/// The totals movements of one consumer transaction, one per municipality (the sum of its facts' movements), until
/// <see cref="MunicipalityTotalsWrites.WriteKeptTotalsAsync"/> writes them at the transaction's end.
/// </summary>
internal sealed class KeptTotals
{
    private readonly Dictionary<string, FactMovement> _byMunicipality = new(StringComparer.Ordinal);

    /// <summary>What to write: municipalities whose tallies or medians moved (movements that cancel out are left out).</summary>
    public IReadOnlyCollection<FactMovement> Movements => [.. _byMunicipality.Values.Where(m => m.ChangesTotals)];

    public void Add(FactMovement movement) =>
        _byMunicipality[movement.MunicipalityCode] = _byMunicipality.TryGetValue(movement.MunicipalityCode, out var kept)
            ? kept.Plus(movement)
            : movement;

    public void Clear() => _byMunicipality.Clear();
}
