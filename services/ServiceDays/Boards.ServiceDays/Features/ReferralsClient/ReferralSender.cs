using System.Text.Json;
using Boards.Referrals.Contracts.Calls;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.ServiceDays.Features.ReferralsClient;

/// <summary>
/// One CreateReferral call per person on boards.referrals.v1.ReferralService (<see cref="IReferralService"/>: over gRPC
/// with the caller's own bearer token, or in process when Referrals runs in this process) for the caller, with a
/// deadline, no retries (the entry is retried by a person, with the same request id). Updates the entry: sent (person data
/// erased) or failed (a Spanish reason and a <see cref="ReferralFailureKind"/>, person data kept), and saves it. Used by
/// RecordReferrals and RetryReferral.
/// </summary>
public sealed partial class ReferralSender(
    ServiceDaysDbContext db,
    IReferralService referrals,
    IOptions<ReferralsClientOptions> options,
    TimeProvider clock,
    ILogger<ReferralSender> logger)
{
    public const string NotConfigured =
        "El envío de referencias no está configurado (ServiceDays:Referrals:Address): la referencia quedó pendiente.";

    public const string Unreachable =
        "No se pudo contactar el servicio de referencias: la referencia quedó pendiente. Reintente en unos minutos.";

    public const string TimedOut =
        "El servicio de referencias no respondió a tiempo: la referencia quedó pendiente. Reintente; no se creará dos veces.";

    /// <summary>Sends the entry and saves the answer at once.</summary>
    public async Task DeliverAsync(ServiceDay day, ReferralEntry entry, CancellationToken ct)
    {
        await SendAsync(day, entry, ct);
        try
        {
            // Saved even when the caller has gone: the referral may already exist in Referrals, and the row must say so.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request corrected the entry (its ContentHash is the concurrency token) while this one sent the old content.
            throw new ConcurrencyConflictException(
                $"La referencia '{entry.EntryId}' se corrigió mientras se enviaba: vuelva a enviarla para ver su resultado.");
        }
    }

    private async Task SendAsync(ServiceDay day, ReferralEntry entry, CancellationToken ct)
    {
        entry.CountAttempt(clock.GetUtcNow());
        if (entry.PendingPayload is null)
        {
            return;
        }

        if (referrals is GrpcReferralService { IsConfigured: false })
        {
            entry.MarkFailed(NotConfigured, ReferralFailureKind.Unreachable);
            return;
        }

        var data = JsonSerializer.Deserialize<PendingReferralData>(entry.PendingPayload)!;
        try
        {
            var referral = await referrals.CreateReferralAsync(ToRequest(day, entry, data), DateTime.UtcNow + options.Value.Timeout, ct);
            var outcome = referral.Availability is { Message.Length: > 0 } availability
                ? $"Referencia enviada. {availability.Message}"
                : "Referencia enviada.";
            entry.MarkSent(referral.Id, outcome, clock.GetUtcNow());
        }
        catch (RpcException exception) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, exception, entry.EntryId, day.Id, exception.StatusCode.ToString());
            var (error, kind) = ReferralFailures.Classify(exception);
            entry.MarkFailed(error, kind);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            LogFailed(logger, exception, entry.EntryId, day.Id, exception.GetType().Name);
            entry.MarkFailed(Unreachable, ReferralFailureKind.Unreachable);
        }
    }

    private static Proto.CreateReferralRequest ToRequest(ServiceDay day, ReferralEntry entry, PendingReferralData data) => new()
    {
        RequestId = entry.RequestId,
        MunicipalityCode = day.MunicipalityCode,
        DestinationMunicipalityCode = entry.DestinationMunicipalityCode ?? "",
        OriginInstitution = entry.OriginInstitution,
        DestinationInstitution = entry.DestinationInstitution,
        ServiceCode = entry.ServiceCode,
        NeedCategory = entry.NeedCategory,
        Priority = entry.Priority switch
        {
            "urgent" => Proto.Priority.Urgent,
            "high" => Proto.Priority.High,
            _ => Proto.Priority.Normal,
        },
        Reason = data.Reason,
        Person = new Proto.Person
        {
            DocumentNumber = data.Person.DocumentNumber ?? "",
            NoDocument = data.Person.NoDocument,
            GivenNames = data.Person.GivenNames ?? "",
            FamilyNames = data.Person.FamilyNames ?? "",
            BirthDate = data.Person.BirthDate ?? "",
            Sex = data.Person.Sex switch
            {
                "female" => Proto.Sex.Female,
                "male" => Proto.Sex.Male,
                _ => Proto.Sex.Other,
            },
            Phone = data.Person.Phone ?? "",
            Locality = data.Person.Locality ?? "",
        },
        Consent = new Proto.Consent { Given = data.Consent.Given, GivenBy = data.Consent.GivenBy ?? "" },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "CreateReferral for entry {EntryId} of service day {ServiceDayId} failed ({Reason}); the entry stays pending.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string entryId, Guid serviceDayId, string reason);
}
