namespace Boards.Referrals.Features.CreateReferral;

/// <summary>
/// The reference data a new referral points to (municipalities, institutions, the rejected referral it re-refers),
/// loaded for one request or a whole batch in at most three queries (none for codes already known), and checked per
/// request with the same messages.
/// </summary>
public sealed class ReferenceChecks
{
    private readonly HashSet<string> _municipalities;
    private readonly HashSet<string> _institutions;
    private readonly Dictionary<Guid, ReferralStatus> _previous;

    private ReferenceChecks(HashSet<string> municipalities, HashSet<string> institutions, Dictionary<Guid, ReferralStatus> previous)
    {
        _municipalities = municipalities;
        _institutions = institutions;
        _previous = previous;
    }

    public static async Task<ReferenceChecks> LoadAsync(
        ReferralsDbContext db, KnownReferenceCodes known, Caller caller, IReadOnlyCollection<NewReferral> requests, CancellationToken cancellationToken)
    {
        var municipalityCodes = requests.SelectMany(r => new[] { r.MunicipalityCode, r.DestinationMunicipalityCode }).Distinct().ToList();
        var institutionCodes = requests.SelectMany(r => new[] { r.OriginInstitution, r.DestinationInstitution }).Distinct().ToList();
        var previousIds = requests.Where(r => r.PreviousReferralId is not null).Select(r => r.PreviousReferralId!.Value).Distinct().ToList();

        var unknownMunicipalities = municipalityCodes.Where(code => !known.IsKnownMunicipality(code)).ToList();
        if (unknownMunicipalities.Count > 0)
        {
            known.RememberMunicipalities(await db.Municipalities.Where(m => unknownMunicipalities.Contains(m.Code)).Select(m => m.Code).ToListAsync(cancellationToken));
        }

        var unknownInstitutions = institutionCodes.Where(code => !known.IsKnownInstitution(code)).ToList();
        if (unknownInstitutions.Count > 0)
        {
            known.RememberInstitutions(await db.Institutions.Where(i => unknownInstitutions.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken));
        }

        var previous = previousIds.Count == 0
            ? []
            // Only referrals the caller may read: one of another tenant answers as one that does not exist.
            : await ReferralScope.Apply(db.Referrals.AsNoTracking(), caller, null).Where(r => previousIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Status }).ToDictionaryAsync(r => r.Id, r => r.Status, cancellationToken);

        return new ReferenceChecks(
            municipalityCodes.Where(known.IsKnownMunicipality).ToHashSet(StringComparer.Ordinal),
            institutionCodes.Where(known.IsKnownInstitution).ToHashSet(StringComparer.Ordinal),
            previous);
    }

    /// <summary>Throws <see cref="ValidationFailedException"/> naming every unknown reference of this request.</summary>
    public void ThrowIfInvalid(NewReferral request)
    {
        var errors = new FieldErrors();
        if (!_municipalities.Contains(request.MunicipalityCode))
        {
            errors.Add("municipalityCode", $"No existe el municipio '{request.MunicipalityCode}'.");
        }

        if (!_municipalities.Contains(request.DestinationMunicipalityCode))
        {
            errors.Add("destinationMunicipalityCode", $"No existe el municipio '{request.DestinationMunicipalityCode}'.");
        }

        if (!_institutions.Contains(request.OriginInstitution))
        {
            errors.Add("originInstitution", $"No existe la institución '{request.OriginInstitution}'.");
        }

        if (!_institutions.Contains(request.DestinationInstitution))
        {
            errors.Add("destinationInstitution", $"No existe la institución '{request.DestinationInstitution}'.");
        }

        if (request.PreviousReferralId is { } previousId)
        {
            if (!_previous.TryGetValue(previousId, out var status))
            {
                errors.Add("previousReferralId", "No existe la referencia anterior indicada.");
            }
            else if (status != ReferralStatus.Rejected)
            {
                errors.Add("previousReferralId", "Solo una referencia rechazada puede volver a referirse.");
            }
        }

        errors.ThrowIfAny();
    }
}
