using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.Common;

public sealed record AgreementView(
    Guid Id, string What, string ResponsibleInstitution, DateOnly DueOn, AgreementStatus Status, DateTimeOffset StatusChangedAt)
{
    public static AgreementView From(Agreement a) => new(a.Id, a.What, a.ResponsibleInstitution, a.DueOn, a.Status, a.StatusChangedAt);
}

/// <summary>A session as the portal reads it; attendees carry ids (names are read from the roster).</summary>
public sealed record SessionView(
    Guid Id,
    string MunicipalityCode,
    DateOnly Date,
    string Agenda,
    string Minutes,
    SessionStatus Status,
    IReadOnlyList<Guid> Attendees,
    int VotingMembers,
    int VotingPresent,
    decimal QuorumFraction,
    int QuorumRequired,
    bool QuorumReached,
    IReadOnlyList<AgreementView> Agreements,
    long Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt)
{
    public static SessionView From(Session s, Board board) => new(
        s.Id, board.MunicipalityCode, s.Date, s.Agenda, s.Minutes, s.Status, s.Attendees, s.VotingMembers, s.VotingPresent,
        s.QuorumFraction, s.QuorumRequired, s.QuorumReached, s.Agreements.OrderBy(a => a.Id).Select(AgreementView.From).ToList(),
        s.Version, s.CreatedAt, s.CreatedBy, s.UpdatedAt);
}
