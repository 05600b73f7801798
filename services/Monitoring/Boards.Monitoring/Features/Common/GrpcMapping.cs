using Boards.Monitoring.Domain;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Proto = Boards.Monitoring.Contracts.Grpc;

namespace Boards.Monitoring.Features.Common;

/// <summary>Domain → proto, and a query's refusal → gRPC status with google.rpc details.</summary>
public static class GrpcMapping
{
    public static Proto.MunicipalitySummary ToProto(this MunicipalitySummary summary)
    {
        var proto = new Proto.MunicipalitySummary
        {
            Code = summary.Code,
            Name = summary.Name,
            Department = summary.Department,
            Referrals = new Proto.ReferralCounts
            {
                Sent = summary.Referrals.Sent,
                Open = summary.Referrals.Open,
                Accepted = summary.Referrals.Accepted,
                Rejected = summary.Referrals.Rejected,
                Completed = summary.Referrals.Completed,
                Failed = summary.Referrals.Failed,
                Cancelled = summary.Referrals.Cancelled,
                Overdue = summary.Referrals.Overdue,
            },
        };

        // Wrapper fields: left unset (null) when the figure is not defined.
        proto.ClosedLoopRate = summary.ClosedLoopRate;
        proto.MedianDaysToAccept = summary.MedianDaysToAccept;
        proto.MedianDaysToCounterReferral = summary.MedianDaysToCounterReferral;
        proto.Representativity = ToProto(summary.Representativity);
        proto.AttendanceRepresentativity = ToProto(summary.AttendanceRepresentativity);
        proto.Gaps = ToProto(summary.Gaps);
        proto.ServiceDays = ToProto(summary.ServiceDays);
        proto.Plan = ToProto(summary.Plan);
        proto.Sessions = new Proto.BoardSessions
        {
            Last90Days = summary.Sessions.Last90Days,
            LastSessionOn = summary.Sessions.LastSessionOn is { } last ? ToProto(last) : null,
        };

        return proto;
    }

    private static Proto.Representativity? ToProto(RepresentativitySnapshot? snapshot) => snapshot is null
        ? null
        : new Proto.Representativity
        {
            Score = (double)snapshot.Score,
            PolicyVersion = snapshot.PolicyVersion,
            Gaps = { snapshot.Gaps },
            AssessedAt = Timestamp.FromDateTimeOffset(snapshot.AssessedAt),
        };

    private static Proto.GapAnalysis? ToProto(GapsSnapshot? gaps) => gaps is null
        ? null
        : new Proto.GapAnalysis
        {
            ComputedAt = Timestamp.FromDateTimeOffset(gaps.ComputedAt),
            Trigger = gaps.Trigger,
            Period = gaps.Period,
            Top = { gaps.Top.Select(ToProto) },
        };

    private static Proto.ServiceDays? ToProto(ServiceDaysSnapshot? days) => days is null
        ? null
        : new Proto.ServiceDays
        {
            Held = days.AllTime.Held,
            PeopleServed = days.AllTime.PeopleServed,
            ReferralsMade = days.AllTime.ReferralsMade,
            LastHeldOn = ToProto(days.LastHeldOn),
            Last90Days = new Proto.RecentServiceDays
            {
                Since = ToProto(days.RecentSince),
                Held = days.Recent.Held,
                PeopleServed = days.Recent.PeopleServed,
                ReferralsMade = days.Recent.ReferralsMade,
            },
        };

    private static Proto.Plan? ToProto(PlanSnapshot? plan) => plan is null
        ? null
        : new Proto.Plan
        {
            Year = plan.Year,
            Version = plan.Version,
            Progress = (double)plan.Progress,
            ActionCount = plan.ActionCount,
            OverdueActions = plan.OverdueActions,
            DoneActions = plan.DoneActions,
            ApprovedAt = plan.ApprovedAt is { } approvedAt ? Timestamp.FromDateTimeOffset(approvedAt) : null,
            UpdatedAt = Timestamp.FromDateTimeOffset(plan.UpdatedAt),
        };

    public static Google.Type.Date ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    private static Proto.CategoryGap ToProto(CategoryGapValue gap) => new()
    {
        Category = gap.Category,
        CategoryName = gap.CategoryName,
        PeopleAffected = gap.PeopleAffected,
        Demand = gap.Demand,
        OfferCapacity = gap.OfferCapacity,
        CoverageRatio = gap.CoverageRatio,
        UnmetDemand = gap.UnmetDemand,
        RejectedNoCapacity = gap.RejectedNoCapacity,
        RejectedNotOffered = gap.RejectedNotOffered,
        CounterReferredNoCapacity = gap.CounterReferredNoCapacity,
    };

    public static RpcException Refusal<T>(QueryResult<T> result) => result switch
    {
        QueryResult<T>.Invalid invalid => new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"{MonitoringMessages.InvalidTitle} {invalid.Field}: {invalid.Message}",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = invalid.Field, Description = invalid.Message } },
                }),
            },
        }.ToRpcException(),
        QueryResult<T>.Forbidden forbidden => new Google.Rpc.Status { Code = (int)Code.PermissionDenied, Message = forbidden.Message }.ToRpcException(),
        QueryResult<T>.NotFound notFound => new Google.Rpc.Status { Code = (int)Code.NotFound, Message = notFound.Message }.ToRpcException(),
        QueryResult<T>.Conflict conflict => new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = conflict.Message }.ToRpcException(),
        _ => throw new ArgumentException($"{result.GetType().Name} is not a refusal.", nameof(result)),
    };
}
