using System.Globalization;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.Transitions;
using Google.Protobuf.WellKnownTypes;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Api.Grpc;

/// <summary>Between the integrator contract (boards.referrals.v1) and the domain. Zero enum values map to "missing".</summary>
public static class GrpcMapper
{
    public static CreateReferralCommand ToCommand(Proto.CreateReferralRequest request) => new()
    {
        RequestId = request.RequestId,
        MunicipalityCode = request.MunicipalityCode,
        DestinationMunicipalityCode = request.DestinationMunicipalityCode,
        OriginInstitution = request.OriginInstitution,
        DestinationInstitution = request.DestinationInstitution,
        ServiceCode = request.ServiceCode,
        NeedCategory = request.NeedCategory,
        Priority = FromProto<Proto.Priority, Priority>(request.Priority),
        Reason = request.Reason,
        Person = request.Person is null ? null : new PersonInput
        {
            DocumentNumber = request.Person.DocumentNumber,
            NoDocument = request.Person.NoDocument,
            GivenNames = request.Person.GivenNames,
            FamilyNames = request.Person.FamilyNames,
            BirthDate = request.Person.BirthDate,
            Sex = FromProto<Proto.Sex, Sex>(request.Person.Sex),
            Phone = request.Person.Phone,
            Locality = request.Person.Locality,
        },
        Consent = request.Consent is null ? null : new ConsentInput
        {
            Given = request.Consent.Given,
            GivenBy = request.Consent.GivenBy,
            Overridden = request.Consent.Overridden,
            OverrideJustification = request.Consent.OverrideJustification,
        },
        PreviousReferralId = request.PreviousReferralId,
    };

    public static CounterReferralInput? ToInput(Proto.CounterReferral? counter) => counter is null ? null : new CounterReferralInput
    {
        Attended = counter.Attended,
        AttendedOn = counter.AttendedOn,
        ServicesDelivered = counter.ServicesDelivered.ToList(),
        Outcome = FromProto<Proto.Outcome, Outcome>(counter.Outcome),
        Notes = counter.Notes,
        FollowUpRecommended = counter.FollowUpRecommended,
        FollowUpNote = counter.FollowUpNote,
        AnsweredBy = counter.AnsweredBy,
    };

    public static Proto.Referral ToProto(Referral r, DateTimeOffset now, DeadlinePolicy deadlines, PersonData shown)
    {
        var person = PersonDisclosure.Person(r, shown);
        var consent = PersonDisclosure.Consent(r, shown);
        var message = new Proto.Referral
        {
            Id = r.Id.ToString(),
            Status = ToProto<ReferralStatus, Proto.ReferralStatus>(r.Status),
            Priority = ToProto<Priority, Proto.Priority>(r.Priority),
            MunicipalityCode = r.MunicipalityCode,
            DestinationMunicipalityCode = r.DestinationMunicipalityCode,
            OriginInstitution = r.OriginInstitution,
            DestinationInstitution = r.DestinationInstitution,
            ServiceCode = r.ServiceCode,
            NeedCategory = r.NeedCategory,
            Reason = r.Reason,
            Person = ToProto(person),
            Consent = new Proto.Consent
            {
                Given = consent.Given,
                GivenBy = consent.GivenBy ?? "",
                Overridden = consent.Overridden,
                OverrideJustification = consent.OverrideJustification ?? "",
            },
            PersonData = ToProto<PersonData, Proto.PersonData>(shown),
            AnonymisedAt = ToProto(r.AnonymisedAt),
            PersonKey = r.PersonKey,
            CreatedAt = Timestamp.FromDateTimeOffset(r.CreatedAt),
            AcceptBy = Timestamp.FromDateTimeOffset(r.AcceptBy),
            CounterReferBy = ToProto(r.CounterReferBy),
            Overdue = r.IsOverdue(now),
            DueSoon = r.IsDueSoon(now, deadlines),
            Version = r.Version,
            PreviousReferralId = r.PreviousReferralId?.ToString() ?? "",
        };

        if (r.Availability is { } availability)
        {
            message.Availability = new Proto.ServiceAvailability
            {
                Verification = ToProto<AvailabilityVerification, Proto.AvailabilityVerification>(availability.Verification),
                CapacityStatus = availability.CapacityStatus ?? "",
                WaitlistBand = availability.WaitlistBand ?? "",
                Waitlisted = availability.Waitlisted,
                Message = availability.Message,
                CheckedAt = Timestamp.FromDateTimeOffset(availability.CheckedAt),
            };
        }

        if (r.Rejection is { } rejection)
        {
            message.Rejection = new Proto.Rejection
            {
                Reason = ToProto<RejectionReason, Proto.RejectionReason>(rejection.Reason),
                Note = rejection.Note ?? "",
                Actor = rejection.Actor,
                At = Timestamp.FromDateTimeOffset(rejection.At),
            };
        }

        if (r.Cancellation is { } cancellation)
        {
            message.Cancellation = new Proto.Cancellation
            {
                Reason = ToProto<CancellationReason, Proto.CancellationReason>(cancellation.Reason),
                Note = cancellation.Note,
                Actor = cancellation.Actor,
                At = Timestamp.FromDateTimeOffset(cancellation.At),
            };
        }

        if (r.CounterReferral is { } counter)
        {
            message.CounterReferral = new Proto.CounterReferral
            {
                Attended = counter.Attended,
                AttendedOn = counter.AttendedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ServicesDelivered = { counter.ServicesDelivered },
                Outcome = ToProto<Outcome, Proto.Outcome>(counter.Outcome),
                Notes = counter.Notes ?? "",
                FollowUpRecommended = counter.FollowUpRecommended,
                FollowUpNote = counter.FollowUpNote ?? "",
                AnsweredBy = counter.AnsweredBy,
            };
        }

        foreach (var change in r.History.OrderBy(h => h.At).ThenBy(h => h.Id))
        {
            message.History.Add(new Proto.StatusChange
            {
                From = change.From is { } from ? ToProto<ReferralStatus, Proto.ReferralStatus>(from) : Proto.ReferralStatus.Unspecified,
                To = ToProto<ReferralStatus, Proto.ReferralStatus>(change.To),
                Actor = change.Actor,
                At = Timestamp.FromDateTimeOffset(change.At),
                Note = change.Note ?? "",
            });
        }

        return message;
    }

    /// <summary>The person as given (already disclosed as the caller may see it, <see cref="PersonDisclosure"/>).</summary>
    public static Proto.Person ToProto(Person person) => new()
    {
        DocumentNumber = person.DocumentNumber ?? "",
        NoDocument = person.NoDocument,
        GivenNames = person.GivenNames,
        FamilyNames = person.FamilyNames,
        BirthDate = person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        Sex = ToProto<Sex, Proto.Sex>(person.Sex),
        Phone = person.Phone ?? "",
        Locality = person.Locality ?? "",
    };

    public static Timestamp? ToProto(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static ReferralStatus FromProtoStatus(Proto.ReferralStatus status, string field) =>
        FromProto<Proto.ReferralStatus, ReferralStatus>(status)
        ?? throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = ["Estado desconocido o sin especificar."] });

    /// <summary>Domain and proto enums share names and numbers (proto adds the *_UNSPECIFIED zero), so numbers map one to one.</summary>
    public static TDomain? FromProto<TProto, TDomain>(TProto value) where TProto : struct, System.Enum where TDomain : struct, System.Enum
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        var domain = (TDomain)(object)number;
        return number != 0 && System.Enum.IsDefined(domain) ? domain : null;
    }

    public static TProto ToProto<TDomain, TProto>(TDomain value) where TDomain : struct, System.Enum where TProto : struct, System.Enum =>
        (TProto)(object)Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
