using System.Globalization;
using Boards.ServiceDays.Features.GetServiceDay;
using Boards.ServiceDays.Features.ListServiceDays;
using Boards.ServiceDays.Features.RecordAttendance;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Boards.ServiceDays.Contracts.Grpc;

namespace Boards.ServiceDays.Api.Grpc;

/// <summary>boards.servicedays.v1.ServiceDayService for integrators. Thin: map, call the feature, map back.</summary>
[Authorize(Policy = BoardsPolicies.AnyBoardsRole)]
public sealed class ServiceDayGrpcService(ListServiceDaysHandler listDays, GetServiceDayHandler getDay, RecordAttendanceHandler recordAttendance)
    : Proto.ServiceDayService.ServiceDayServiceBase
{
    public override async Task<Proto.ListServiceDaysResponse> ListServiceDays(Proto.ListServiceDaysRequest request, ServerCallContext context)
    {
        var days = await listDays.HandleAsync(
            new ListServiceDaysQuery(request.MunicipalityCode, request.Status, request.From, request.To), CallerOf(context), context.CancellationToken);
        var response = new Proto.ListServiceDaysResponse();
        response.ServiceDays.AddRange(days.Select(d => ToProto(d, null)));
        return response;
    }

    public override async Task<Proto.ServiceDay> GetServiceDay(Proto.GetServiceDayRequest request, ServerCallContext context)
    {
        var result = await getDay.HandleAsync(ParseId(request.Id, "id"), CallerOf(context), context.CancellationToken);
        return ToProto(result.Day, result.Figures);
    }

    public override async Task<Proto.RecordAttendanceResponse> RecordAttendance(Proto.RecordAttendanceRequest request, ServerCallContext context)
    {
        var command = new RecordAttendanceCommand
        {
            BatchId = request.BatchId,
            Entries = request.Entries.Select(e => new AttendanceEntryInput
            {
                ServiceCode = e.ServiceCode,
                DocumentNumber = e.DocumentNumber,
                AnonymousCount = e.AnonymousCount == 0 ? null : e.AnonymousCount,
            }).ToList(),
        };
        var result = await recordAttendance.HandleAsync(ParseId(request.ServiceDayId, "serviceDayId"), command, CallerOf(context), context.CancellationToken);
        return new Proto.RecordAttendanceResponse
        {
            BatchId = result.BatchId,
            Replayed = result.Replayed,
            Identified = result.Identified,
            Anonymous = result.Anonymous,
            PeopleServed = result.PeopleServed,
        };
    }

    private static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw ValidationFailedException.For(field, "Indique el identificador de la jornada (un UUID).");

    private static Proto.ServiceDay ToProto(ServiceDay day, DayFigures? figures)
    {
        var proto = new Proto.ServiceDay
        {
            Id = day.Id.ToString(),
            MunicipalityCode = day.MunicipalityCode,
            Locality = day.Locality,
            Date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Venue = day.Venue,
            Status = day.Status.Code(),
            ExpectedAttendance = day.ExpectedAttendance,
            Version = day.Version,
            CancellationReason = day.CancellationReason ?? "",
            PeopleServed = figures?.PeopleServed ?? day.ReportedPeopleServed,
            ReferralsSent = figures?.ReferralsSent ?? day.ReportedReferralsMade,
            ReferralsPending = (figures?.ReferralsPending ?? 0) + (figures?.ReferralsFailed ?? 0),
        };
        proto.Services.AddRange(day.Services.OrderBy(s => s.InstitutionCode, StringComparer.Ordinal).ThenBy(s => s.ServiceCode, StringComparer.Ordinal)
            .Select(s => new Proto.OfferedOnTheDay { InstitutionCode = s.InstitutionCode, ServiceCode = s.ServiceCode, ServiceName = s.ServiceName }));
        return proto;
    }

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
