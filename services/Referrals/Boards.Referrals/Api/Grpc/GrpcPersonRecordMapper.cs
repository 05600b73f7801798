using Boards.Referrals.Features.PersonRecord;
using Google.Protobuf.WellKnownTypes;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Api.Grpc;

/// <summary>The person's record as boards.referrals.v1.PersonRecord. Absent values become the proto's zero values.</summary>
public static class GrpcPersonRecordMapper
{
    public static Proto.PersonRecord ToProto(PersonRecordView record)
    {
        var message = new Proto.PersonRecord
        {
            PersonKey = record.PersonKey,
            AnchorReferralId = record.AnchorReferralId.ToString(),
            Person = GrpcMapper.ToProto(record.Person),
            PersonData = GrpcMapper.ToProto<PersonData, Proto.PersonData>(record.PersonData),
            Truncated = record.Truncated,
            TotalCount = record.TotalCount,
        };
        message.Referrals.AddRange(record.Referrals.Select(ToProto));
        return message;
    }

    private static Proto.PersonRecordReferral ToProto(PersonRecordEntry entry) => new()
    {
        Id = entry.Id.ToString(),
        Status = GrpcMapper.ToProto<ReferralStatus, Proto.ReferralStatus>(entry.Status),
        Priority = GrpcMapper.ToProto<Priority, Proto.Priority>(entry.Priority),
        ServiceCode = entry.ServiceCode,
        NeedCategory = entry.NeedCategory,
        MunicipalityCode = entry.MunicipalityCode,
        DestinationMunicipalityCode = entry.DestinationMunicipalityCode,
        OriginInstitution = entry.OriginInstitution,
        DestinationInstitution = entry.DestinationInstitution,
        CreatedAt = Timestamp.FromDateTimeOffset(entry.CreatedAt),
        AcceptedAt = GrpcMapper.ToProto(entry.AcceptedAt),
        ClosedAt = GrpcMapper.ToProto(entry.ClosedAt),
        AnsweredBy = entry.AnsweredBy ?? "",
        AnsweredAt = GrpcMapper.ToProto(entry.AnsweredAt),
        Outcome = entry.Outcome is { } outcome ? GrpcMapper.ToProto<Outcome, Proto.Outcome>(outcome) : Proto.Outcome.Unspecified,
        Attended = entry.Attended ?? false,
        CounterReferredBy = entry.CounterReferredBy ?? "",
        RejectionReason = entry.RejectionReason is { } rejection
            ? GrpcMapper.ToProto<RejectionReason, Proto.RejectionReason>(rejection) : Proto.RejectionReason.Unspecified,
        CancellationReason = entry.CancellationReason is { } cancellation
            ? GrpcMapper.ToProto<CancellationReason, Proto.CancellationReason>(cancellation) : Proto.CancellationReason.Unspecified,
        Person = GrpcMapper.ToProto(entry.Person),
        PersonData = GrpcMapper.ToProto<PersonData, Proto.PersonData>(entry.PersonData),
    };
}
