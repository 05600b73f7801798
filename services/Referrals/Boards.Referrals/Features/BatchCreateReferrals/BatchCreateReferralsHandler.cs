using System.Collections.Concurrent;
using System.Text;
using Boards.BuildingBlocks.Outbox;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.ReadAudit;
using Boards.Referrals.Features.ServiceAvailability;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Boards.Referrals.Features.BatchCreateReferrals;

/// <summary>
/// Creates many referrals for an integrator with the rules of a single create, item by item, but with the database
/// and the offer catalog asked per batch: one query for replays, three for reference data, one catalog call per distinct
/// (destination municipality, service) pair made concurrently, and one transaction for every valid item with its
/// ReferralRequested in the outbox. An item's error never fails the others.
/// </summary>
public sealed class BatchCreateReferralsHandler(
    ReferralsDbContext db,
    IOptions<ReferralsOptions> options,
    IServiceAvailability availability,
    IEnumerable<IApiErrorMapper> errorMappers,
    KnownReferenceCodes known,
    ReadAuditTrail audit,
    TimeProvider clock)
{
    public const int MaxItems = 100;
    public const int MaxReferenceIdLength = 100;

    // Enough to hide the catalog's latency without flooding it from one batch.
    private const int CatalogConcurrency = 8;

    public async Task<IReadOnlyList<BatchItemResult>> HandleAsync(BatchCreateReferralsCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var items = command.Items ?? [];
        if (items.Count == 0)
        {
            throw ValidationFailedException.For("items", "El lote está vacío: envíe al menos una referencia.");
        }

        if (items.Count > MaxItems)
        {
            throw ValidationFailedException.For("items",
                $"Un lote admite como máximo {MaxItems} referencias y este trae {items.Count}: divídalo en lotes más chicos.");
        }

        var now = clock.GetUtcNow();
        var slots = Prepare(items, caller, now);
        await AnswerReplaysAsync(slots, cancellationToken);
        await CheckReferencesAsync(slots, caller, cancellationToken);
        await CheckAvailabilityAsync(slots, cancellationToken);
        await SaveAsync(slots, caller, now, cancellationToken);
        await audit.RecordAsync([.. slots.Select(s => s.Referral).OfType<Referral>()], ReadAuditTrail.Reply, caller, null, cancellationToken);
        return slots.Select(s => new BatchItemResult(s.ReferenceId, s.Referral, s.Replayed, s.Error)).ToList();
    }

    /// <summary>The reference id, the shape of the request and the caller's scope, as a single create checks them.</summary>
    private List<BatchSlot> Prepare(IReadOnlyList<BatchReferralItemInput?> items, Caller caller, DateTimeOffset now)
    {
        var slots = new List<BatchSlot>(items.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var referenceId = item?.ReferenceId?.Trim() ?? "";
            var slot = new BatchSlot(index, referenceId);
            slots.Add(slot);

            if (referenceId.Length > 0 && !seen.TryAdd(referenceId, index))
            {
                slot.Error = BatchItemErrors.InBatch(ApiError.Invalid(new Dictionary<string, string[]>
                {
                    ["referenceId"] = [$"El reference_id '{referenceId}' se repite en el lote: ya lo usa el ítem {seen[referenceId]}."],
                }), index, "");
                continue;
            }

            var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (referenceId.Length == 0)
            {
                fields["referenceId"] = ["Indique el reference_id del ítem: su identificador en el sistema de origen."];
            }
            else if (referenceId.Length > MaxReferenceIdLength)
            {
                fields["referenceId"] = [$"Admite como máximo {MaxReferenceIdLength} caracteres."];
            }

            NewReferral? request = null;
            if (item?.Referral is null)
            {
                fields["referral"] = ["Indique la referencia a enviar."];
            }
            else
            {
                try
                {
                    // The item's request id comes from the caller and the reference id; one sent in the item is ignored.
                    request = CreateReferralValidator.Validate(
                        item.Referral with { RequestId = BatchRequestIds.For(caller, referenceId) }, today);
                }
                catch (ValidationFailedException invalid)
                {
                    foreach (var (field, messages) in invalid.Errors)
                    {
                        fields[$"referral.{field}"] = messages;
                    }
                }
            }

            if (fields.Count > 0)
            {
                slot.Error = BatchItemErrors.InBatch(ApiError.Invalid(fields), index, "");
                continue;
            }

            slot.Request = request;
            Guard(slot, () => CheckScope(request!, caller));
        }

        return slots;
    }

    private static void CheckScope(NewReferral request, Caller caller)
    {
        if (!ReferralAccess.CanActAsOrigin(caller, request.MunicipalityCode, request.OriginInstitution))
        {
            throw new ForbiddenException(
                $"Solo la institución de origen '{request.OriginInstitution}' o el punto focal de '{request.MunicipalityCode}' pueden enviar esta referencia.");
        }

        if (request.Consent.Overridden && !ReferralAccess.CanOverrideConsent(caller))
        {
            throw new ForbiddenException("Solo un punto focal puede enviar una referencia sin consentimiento.");
        }
    }

    /// <summary>Items this caller already sent (a retried batch) answer with what was recorded, in one query.</summary>
    private async Task AnswerReplaysAsync(List<BatchSlot> slots, CancellationToken cancellationToken)
    {
        var open = slots.Where(s => s.IsOpen).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var requestIds = open.Select(s => s.Request!.RequestId).ToList();
        // Batch request ids carry the caller's subject (BatchRequestIds), so only this caller's items can match here.
        var existing = (await db.Referrals.AsNoTracking().Where(r => requestIds.Contains(r.RequestId)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.RequestOwner, r.RequestId));
        foreach (var slot in open)
        {
            if (existing.TryGetValue((slot.Request!.Owner(), slot.Request.RequestId), out var referral))
            {
                Replay(slot, referral);
            }
        }
    }

    private void Replay(BatchSlot slot, Referral existing)
    {
        if (existing.RequestHash == CreateReferralHandler.RequestHash(slot.Request!))
        {
            slot.Referral = existing;
            slot.Replayed = true;
        }
        else
        {
            Guard(slot, () => throw new AlreadyExistsException(
                $"El reference_id '{slot.ReferenceId}' ya se usó en un lote anterior para una referencia con contenido distinto.") { Title = "requestId reutilizado." });
        }
    }

    private async Task CheckReferencesAsync(List<BatchSlot> slots, Caller caller, CancellationToken cancellationToken)
    {
        var open = slots.Where(s => s.IsOpen).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var references = await ReferenceChecks.LoadAsync(db, known, caller, open.Select(s => s.Request!).ToList(), cancellationToken);
        open.ForEach(slot => Guard(slot, () => references.ThrowIfInvalid(slot.Request!)));
    }

    /// <summary>Asks the catalog once per distinct (destination municipality, service), a few questions at a time.</summary>
    private async Task CheckAvailabilityAsync(List<BatchSlot> slots, CancellationToken cancellationToken)
    {
        var open = slots.Where(s => s.IsOpen).ToList();
        var pairs = open.Select(s => (s.Request!.DestinationMunicipalityCode, s.Request.ServiceCode)).Distinct().ToList();
        var answers = new ConcurrentDictionary<(string, string), AvailabilityAnswer>();
        await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = CatalogConcurrency, CancellationToken = cancellationToken },
            async (pair, token) => answers[pair] = await availability.CheckAsync(pair.DestinationMunicipalityCode, pair.ServiceCode, token));

        var checkedAt = clock.GetUtcNow();
        foreach (var slot in open)
        {
            var request = slot.Request!;
            var answer = answers[(request.DestinationMunicipalityCode, request.ServiceCode)];
            Guard(slot, () => slot.Check = AvailabilityPolicy.Decide(answer, request.DestinationMunicipalityCode, request.ServiceCode, checkedAt));
        }
    }

    /// <summary>Every valid item in one transaction; if another call raced us to one of the request ids, item by item.</summary>
    private async Task SaveAsync(List<BatchSlot> slots, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = slots.Where(s => s.IsOpen).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var secret = Encoding.UTF8.GetBytes(options.Value.PersonKeySecret);
        var creating = new List<BatchSlot>(open.Count);
        foreach (var slot in open)
        {
            if (Guard(slot, () => Add(slot, secret, caller, now)))
            {
                creating.Add(slot);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (PostgresErrors.IsUniqueViolation(exception) || IsDeadlock(exception))
        {
            // The same batch sent twice at once: the two inserts can meet in either order on the request-id index, and
            // PostgreSQL then aborts one of them as a deadlock. Either way, one item at a time settles who won each.
            db.ChangeTracker.Clear();
            foreach (var slot in creating)
            {
                await SaveAloneAsync(slot, secret, caller, now, cancellationToken);
            }
        }
    }

    private async Task SaveAloneAsync(BatchSlot slot, byte[] secret, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Add(slot, secret, caller, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            // The same item of the same batch, sent twice at once; the other call won. Answer as a replay.
            db.ChangeTracker.Clear();
            var (owner, requestId) = (slot.Request!.Owner(), slot.Request.RequestId);
            var winner = await db.Referrals.AsNoTracking().FirstAsync(r => r.RequestOwner == owner && r.RequestId == requestId, cancellationToken);
            slot.Referral = null;
            Replay(slot, winner);
        }
    }

    private void Add(BatchSlot slot, byte[] secret, Caller caller, DateTimeOffset now)
    {
        var request = slot.Request!;
        var referral = Referral.Create(request, PersonKey.Compute(request.Person, secret), CreateReferralHandler.RequestHash(request),
            caller.DisplayName, now, options.Value.Deadlines, slot.Check);
        db.Referrals.Add(referral);
        db.AddToOutbox(ReferralEventFactory.ForLatestChange(referral, now), clock);
        slot.Referral = referral;
    }

    private static bool IsDeadlock(Exception exception) => PostgresErrors.SqlState(exception) == PostgresErrorCodes.DeadlockDetected;

    /// <summary>Runs one item's step; an error the API knows becomes that item's answer, anything else fails the call.</summary>
    private bool Guard(BatchSlot slot, Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (Exception exception) when (ApiErrors.Resolve(errorMappers, exception) is { } error)
        {
            slot.Error = BatchItemErrors.InBatch(error, slot.Index, "referral.");
            slot.Referral = null;
            return false;
        }
    }
}
