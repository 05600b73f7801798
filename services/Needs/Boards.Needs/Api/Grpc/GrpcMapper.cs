using Boards.Needs.Features.CheckAvailability;
using Google.Protobuf.WellKnownTypes;
using Proto = Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Api.Grpc;

internal static class GrpcMapper
{
    public static Proto.OfferedService ToProto(OfferedService s)
    {
        var proto = new Proto.OfferedService
        {
            MunicipalityCode = s.MunicipalityCode,
            Code = s.Code,
            Name = s.Name,
            Program = s.Program,
            InstitutionCode = s.InstitutionCode,
            EligibilitySummary = s.EligibilitySummary,
            Channel = ToProto(s.Channel),
            CapacityStatus = ToProto(s.CapacityStatus),
            WaitlistBand = ToProto(s.WaitlistBand),
            Version = s.Version,
            UpdatedAt = Timestamp.FromDateTimeOffset(s.UpdatedAt),
        };
        proto.Categories.AddRange(s.Categories);
        if (s.MonthlyCapacity is { } capacity)
        {
            proto.MonthlyCapacity = capacity;
        }

        return proto;
    }

    public static Proto.Availability ToProto(Availability availability) => new()
    {
        Offered = availability.Offered,
        CapacityStatus = availability.Service is { } s ? ToProto(s.CapacityStatus) : Proto.CapacityStatus.Unspecified,
        WaitlistBand = ToProto(availability.Service?.WaitlistBand),
        ServiceName = availability.Service?.Name ?? "",
        InstitutionCode = availability.Service?.InstitutionCode ?? "",
        Message = availability.Message,
    };

    public static Proto.ServiceChannel ToProto(ServiceChannel channel) => channel switch
    {
        ServiceChannel.Office => Proto.ServiceChannel.Office,
        ServiceChannel.HealthUnit => Proto.ServiceChannel.HealthUnit,
        ServiceChannel.ServiceDay => Proto.ServiceChannel.ServiceDay,
        ServiceChannel.HomeVisit => Proto.ServiceChannel.HomeVisit,
        _ => Proto.ServiceChannel.Unspecified,
    };

    public static Proto.CapacityStatus ToProto(CapacityStatus status) => status switch
    {
        CapacityStatus.Available => Proto.CapacityStatus.Available,
        CapacityStatus.Waitlist => Proto.CapacityStatus.Waitlist,
        CapacityStatus.Full => Proto.CapacityStatus.Full,
        _ => Proto.CapacityStatus.Unspecified,
    };

    public static Proto.WaitlistBand ToProto(WaitlistBand? band) => band switch
    {
        WaitlistBand.Under1Month => Proto.WaitlistBand.Under1Month,
        WaitlistBand.OneTo3Months => Proto.WaitlistBand.OneTo3Months,
        WaitlistBand.Over3Months => Proto.WaitlistBand.Over3Months,
        _ => Proto.WaitlistBand.Unspecified,
    };
}
