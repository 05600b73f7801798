using System.Linq.Expressions;
using Boards.Referrals.Features.ReadAudit;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.PersonRecord;

/// <summary>
/// Opens the person's record from one referral (the anchor): every referral with the same person key, across
/// institutions and municipalities, for the callers <see cref="ReferralAccess.CanOpenPersonRecord"/> allows, with a
/// reason that the read audit keeps (one row per opening, on the anchor). The parties of the anchor see the person in
/// full; so does the ministry, since a reason is always given (<see cref="PersonDisclosure"/>). Referrals anonymised or
/// past the retention period are left out: the record must not tie them back to the person.
/// </summary>
public sealed class PersonRecordHandler(ReferralsDbContext db, ReadAuditTrail audit, IOptions<ReferralsOptions> options, TimeProvider clock)
{
    /// <summary>The most referrals one record shows; more and <see cref="PersonRecordView.Truncated"/> is true.</summary>
    public const int MaxReferrals = 200;

    public const string AuditAction = "person-record";

    public async Task<PersonRecordView> HandleAsync(string? id, PersonRecordCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var referralId = ReferralIds.Parse(id);
        var reason = StatedReason.Require(command.Reason, "abrir el registro de la persona");
        var anchor = await ReadableReferral.LoadAsync(db, referralId, caller, tracking: false, cancellationToken);
        if (!ReferralAccess.CanOpenPersonRecord(caller, anchor))
        {
            throw new ForbiddenException(
                "El registro de la persona lo abren el punto focal del municipio desde el que se la refirió, las instituciones " +
                "que intervienen en sus referencias y el Ministerio.");
        }

        var retained = Retained(clock.GetUtcNow() - options.Value.Retention.AnonymiseClosedAfter);
        if (!retained.Compile()(anchor))
        {
            throw new PreconditionFailedException("ANONYMISED", "id",
                "Los datos de la persona de esta referencia ya no se conservan (plazo de conservación vencido): no se puede abrir su registro.");
        }

        var ofThePerson = db.Referrals.AsNoTracking().Where(r => r.PersonKey == anchor.PersonKey).Where(retained);
        var referrals = await ofThePerson
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(MaxReferrals + 1)
            .ToListAsync(cancellationToken);
        var truncated = referrals.Count > MaxReferrals;
        var total = truncated ? await ofThePerson.CountAsync(cancellationToken) : referrals.Count;

        await audit.RecordAsync([anchor], AuditAction, caller, reason, cancellationToken);

        var shown = PersonDisclosure.For(caller, anchor, reasonGiven: true);
        return new PersonRecordView(
            anchor.PersonKey, anchor.Id, PersonDisclosure.Person(anchor, shown), shown,
            [.. referrals.Take(MaxReferrals).Select(r => PersonRecordEntry.From(r, PersonDisclosure.For(caller, r, reasonGiven: true)))],
            truncated, total);
    }

    /// <summary>Still holds the person's data: not anonymised, and not closed longer ago than the retention period.</summary>
    private static Expression<Func<Referral, bool>> Retained(DateTimeOffset closedBefore) =>
        r => r.AnonymisedAt == null && (r.ClosedAt == null || r.ClosedAt >= closedBefore);
}
