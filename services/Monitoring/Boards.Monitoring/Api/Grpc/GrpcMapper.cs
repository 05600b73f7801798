using Boards.Monitoring.Domain.EarlyWarnings;
using Google.Protobuf.WellKnownTypes;
using Proto = Boards.Monitoring.Contracts.Grpc;

namespace Boards.Monitoring.Api.Grpc;

/// <summary>Domain → proto. Refusals are not mapped here: the shared GrpcErrorInterceptor turns them into statuses.</summary>
public static class GrpcMapper
{
    public static Proto.MunicipalitySummary ToProto(MunicipalitySummary summary)
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

    public static Proto.MunicipalityTrends ToProto(MunicipalityTrends trends) => new()
    {
        Code = trends.Code,
        Months =
        {
            trends.Months.Select(m => new Proto.MonthTrend
            {
                Month = m.Month,
                Sent = m.Sent,
                ClosedLoop = m.ClosedLoop,
                Cancelled = m.Cancelled,
                ClosedLoopRate = m.ClosedLoopRate,
            }),
        },
        ByCategory = { trends.ByCategory.Select(c => new Proto.CategoryCount { Category = c.Category, Count = c.Count }) },
        RejectionsByReason = { trends.RejectionsByReason.Select(r => new Proto.ReasonCount { Reason = r.Reason, Count = r.Count }) },
    };

    public static Proto.EarlyWarning ToProto(EarlyWarning w)
    {
        var proto = new Proto.EarlyWarning
        {
            Id = w.Id.ToString(),
            MunicipalityCode = w.MunicipalityCode,
            Rule = w.Rule,
            RuleTitle = w.RuleTitle,
            Status = w.Status,
            Evidence = w.Evidence,
            RaisedAt = Timestamp.FromDateTimeOffset(w.RaisedAt),
            AcknowledgedAt = w.AcknowledgedAt is { } acknowledgedAt ? Timestamp.FromDateTimeOffset(acknowledgedAt) : null,
            AcknowledgedBy = w.AcknowledgedBy,
            AcknowledgementNote = w.AcknowledgementNote,
            ResolvedAt = w.ResolvedAt is { } resolvedAt ? Timestamp.FromDateTimeOffset(resolvedAt) : null,
        };
        foreach (var (name, value) in w.Figures)
        {
            proto.Figures.Add(name, (double)value);
        }

        return proto;
    }
}
