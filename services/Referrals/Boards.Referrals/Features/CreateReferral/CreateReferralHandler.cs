using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Boards.BuildingBlocks.Outbox;
using Boards.Referrals.Features.ReadAudit;
using Boards.Referrals.Features.ServiceAvailability;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.CreateReferral;

public sealed record CreateReferralResult(Referral Referral, bool Replayed);

/// <summary>
/// Sends a referral: validates, checks scope and reference data, asks the offer catalog whether the destination offers
/// the service, and is idempotent on the caller's request id (a replay asks nothing again).
/// </summary>
public sealed class CreateReferralHandler(
    ReferralsDbContext db,
    IOptions<ReferralsOptions> options,
    IServiceAvailability availability,
    KnownReferenceCodes known,
    ReadAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>Creates (or replays) the referral; the reply carries the person's data, so it is in the read audit too.</summary>
    public async Task<CreateReferralResult> HandleAsync(CreateReferralCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var result = await CreateAsync(command, caller, cancellationToken);
        if (result.Replayed)
        {
            // A new referral's audit row was saved with it; a replay answers with one already saved, read again now.
            await audit.RecordAsync([result.Referral], ReadAuditTrail.Reply, caller, null, cancellationToken);
        }

        return result;
    }

    private async Task<CreateReferralResult> CreateAsync(CreateReferralCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var request = CreateReferralValidator.Validate(command, DateOnly.FromDateTime(now.UtcDateTime));

        if (!ReferralAccess.CanActAsOrigin(caller, request.MunicipalityCode, request.OriginInstitution))
        {
            throw new ForbiddenException(
                $"Solo la institución de origen '{request.OriginInstitution}' o el punto focal de '{request.MunicipalityCode}' pueden enviar esta referencia.");
        }

        if (request.Consent.Overridden && !ReferralAccess.CanOverrideConsent(caller))
        {
            throw new ForbiddenException("Solo un punto focal puede enviar una referencia sin consentimiento.");
        }

        var hash = RequestHash(request);
        // After the scope check: only a caller who may send for this tenant reaches its request ids.
        var owner = request.Owner();
        var existing = await db.Referrals.FirstOrDefaultAsync(r => r.RequestOwner == owner && r.RequestId == request.RequestId, cancellationToken);
        if (existing is not null)
        {
            return Replay(existing, hash);
        }

        (await ReferenceChecks.LoadAsync(db, known, caller, [request], cancellationToken)).ThrowIfInvalid(request);
        var answer = await availability.CheckAsync(request.DestinationMunicipalityCode, request.ServiceCode, cancellationToken);
        var check = AvailabilityPolicy.Decide(answer, request.DestinationMunicipalityCode, request.ServiceCode, clock.GetUtcNow());

        var secret = Encoding.UTF8.GetBytes(options.Value.PersonKeySecret);
        var referral = Referral.Create(request, PersonKey.Compute(request.Person, secret), hash, caller.DisplayName, now, options.Value.Deadlines, check);
        db.Referrals.Add(referral);
        db.AddToOutbox(ReferralEventFactory.ForLatestChange(referral, now), clock);
        audit.Add([referral], ReadAuditTrail.Reply, caller, null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            // Two identical requests raced; the other one won. Answer as a replay.
            db.ChangeTracker.Clear();
            var winner = await db.Referrals.FirstAsync(r => r.RequestOwner == owner && r.RequestId == request.RequestId, cancellationToken);
            return Replay(winner, hash);
        }

        return new CreateReferralResult(referral, Replayed: false);
    }

    private static CreateReferralResult Replay(Referral existing, string hash) =>
        existing.RequestHash == hash
            ? new CreateReferralResult(existing, Replayed: true)
            : throw new AlreadyExistsException(
                $"Usted ya usó el request_id '{existing.RequestId}' para otra referencia con contenido distinto.") { Title = "requestId reutilizado." };

    /// <summary>The request's content without its id: a replay must carry the same, or it is a conflict.</summary>
    internal static string RequestHash(NewReferral request)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(request with { RequestId = "" });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
