using System.Globalization;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Features.Representativity;
using Google.Protobuf.WellKnownTypes;
using Proto = Boards.Membership.Contracts.Grpc;

namespace Boards.Membership.Api.Grpc;

/// <summary>Between the integrator contract (boards.membership.v1) and the domain. Zero enum values map to "missing".</summary>
public static class GrpcMapper
{
    public static Proto.Board ToProto(Board board)
    {
        var view = BoardView.From(board);
        var message = new Proto.Board
        {
            Id = view.Id.ToString(),
            MunicipalityCode = view.MunicipalityCode,
            ResolutionNumber = view.ResolutionNumber,
            ResolutionDate = Date(view.ResolutionDate),
            ChairName = view.ChairName,
            ChairRole = ToProto<ChairRole, Proto.ChairRole>(view.ChairRole),
            Status = ToProto<BoardStatus, Proto.BoardStatus>(view.Status),
            ActiveMembers = view.ActiveMembers,
            VotingMembers = view.VotingMembers,
            Version = view.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(view.UpdatedAt),
        };
        if (view.FocalPoint is { } focal)
        {
            message.FocalPoint = new Proto.FocalPoint
            {
                MemberId = focal.MemberId.ToString(),
                PersonName = focal.PersonName,
                Organization = focal.Organization,
                StartsOn = Date(focal.StartsOn),
            };
        }

        return message;
    }

    /// <summary>Without <paramref name="seesSensitiveData"/> (<see cref="MemberDisclosure"/>) the flags go out false and sensitive_data_hidden true.</summary>
    public static Proto.Member ToProto(Member member, bool seesSensitiveData) => new()
    {
        Id = member.Id.ToString(),
        PersonName = member.PersonName,
        Organization = member.Organization,
        Sector = ToProto<Sector, Proto.Sector>(member.Sector),
        Gender = ToProto<Gender, Proto.Gender>(member.Gender),
        AgeBand = ToProto<AgeBand, Proto.AgeBand>(member.AgeBand),
        Area = ToProto<Area, Proto.Area>(member.Territory.Area),
        Locality = member.Territory.Locality,
        Indigenous = seesSensitiveData && member.Indigenous,
        Disability = seesSensitiveData && member.Disability,
        Position = ToProto<Position, Proto.Position>(member.Position),
        Voting = member.Voting,
        DesignatedOn = Date(member.DesignatedOn),
        CeasedOn = member.CeasedOn is { } ceased ? Date(ceased) : "",
        CeaseReason = member.CeaseReason ?? "",
        Active = member.IsActive,
        SensitiveDataHidden = !seesSensitiveData,
    };

    /// <summary>Domain and proto enums share numbers (proto adds the *_UNSPECIFIED zero), so numbers map one to one.</summary>
    public static Proto.Representativity ToProto(StoredAssessment stored)
    {
        var assessment = stored.ToAssessment();
        var message = new Proto.Representativity
        {
            AssessmentId = stored.Id.ToString(),
            BoardId = stored.BoardId.ToString(),
            MunicipalityCode = stored.MunicipalityCode,
            BoardVersion = stored.BoardVersion,
            PolicyVersion = stored.PolicyVersion,
            Basis = stored.Basis.ToString().ToLowerInvariant(),
            Score = (double)assessment.Score,
            RuralLocalities = stored.RuralLocalities,
            HasIndigenousCommunities = stored.HasIndigenousCommunities,
            ActiveVotingMembers = assessment.Tally.ActiveVotingMembers,
            AssessedAt = Timestamp.FromDateTimeOffset(stored.AssessedAt),
        };
        message.Flags.AddRange(assessment.Flags.Select(f => f.ToString()));
        message.Gaps.AddRange(assessment.Gaps);
        foreach (var c in assessment.Components)
        {
            var component = new Proto.RepresentativityComponent
            {
                Name = c.Name,
                Label = c.Label,
                Formula = c.Formula,
                Applicable = c.Applicable,
                Value = (double)c.Value,
                SubScore = (double)c.SubScore,
                PolicyWeight = (double)c.PolicyWeight,
                Weight = (double)c.Weight,
                Contribution = (double)c.Contribution,
            };
            component.Inputs.AddRange(c.Inputs.Select(i => new Proto.ComponentInput { Name = i.Name, Label = i.Label, Value = i.Value }));
            message.Components.Add(component);
        }

        return message;
    }

    public static TDomain? FromProto<TProto, TDomain>(TProto value) where TProto : struct, System.Enum where TDomain : struct, System.Enum
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        var domain = (TDomain)(object)number;
        return number != 0 && System.Enum.IsDefined(domain) ? domain : null;
    }

    public static TProto ToProto<TDomain, TProto>(TDomain value) where TDomain : struct, System.Enum where TProto : struct, System.Enum =>
        (TProto)(object)Convert.ToInt32(value, CultureInfo.InvariantCulture);

    public static Proto.Session ToProto(Domain.Sessions.Session session, Board board)
    {
        var message = new Proto.Session
        {
            Id = session.Id.ToString(),
            MunicipalityCode = board.MunicipalityCode,
            Date = Date(session.Date),
            Agenda = session.Agenda,
            Minutes = session.Minutes,
            Status = ToProto<Domain.Sessions.SessionStatus, Proto.SessionStatus>(session.Status),
            VotingMembers = session.VotingMembers,
            VotingPresent = session.VotingPresent,
            QuorumFraction = (double)session.QuorumFraction,
            QuorumRequired = session.QuorumRequired,
            QuorumReached = session.QuorumReached,
            Version = session.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(session.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(session.UpdatedAt),
        };
        message.AttendeeMemberIds.AddRange(session.Attendees.Select(id => id.ToString()));
        message.Agreements.AddRange(session.Agreements.OrderBy(a => a.Id).Select(a => new Proto.Agreement
        {
            Id = a.Id.ToString(),
            What = a.What,
            ResponsibleInstitution = a.ResponsibleInstitution,
            DueOn = Date(a.DueOn),
            Status = ToProto<Domain.Sessions.AgreementStatus, Proto.AgreementStatus>(a.Status),
        }));
        return message;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
