using System.Security.Claims;
using System.Text.Json;
using Boards.Portal.Authentication;
using Boards.Portal.Board;
using Boards.Portal.Board.Sessions;

namespace Boards.Portal.Tests;

/// <summary>
/// The session pages' logic without a browser: who may change a board, Membership's quorum rule as the form previews it,
/// what the session form sends, how Membership's field names land next to the form's fields, and what a stale
/// correction says changed.
/// </summary>
public sealed class SessionFormTests
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Beto = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static CurrentUser User(string? municipality, params string[] roles) =>
        CurrentUser.From(new ClaimsPrincipal(new ClaimsIdentity(
            roles.Select(r => new Claim(PortalClaims.Role, r))
                .Concat(municipality is null ? [] : [new Claim(PortalClaims.Municipality, municipality)]), "test")));

    [Fact]
    public void Only_ministry_admin_and_the_focal_point_of_that_municipality_may_change_a_board()
    {
        Assert.True(User(null, CurrentUser.Admin).CanEditBoard("yhu"));
        Assert.True(User("yhu", CurrentUser.FocalPoint).CanEditBoard("yhu"));
        Assert.True(User("yhu", CurrentUser.FocalPoint).CanEditBoard(" YHU "));
        Assert.False(User("pilar", CurrentUser.FocalPoint).CanEditBoard("yhu"));
        Assert.False(User(null, CurrentUser.Analyst).CanEditBoard("yhu"));
        Assert.True(User(null, CurrentUser.Analyst).CanSeeBoard("yhu"));
        Assert.False(User("yhu", CurrentUser.Officer).CanEditBoard("yhu"));
    }

    [Theory]
    [InlineData(0, 0.5, 1)]
    [InlineData(1, 0.5, 1)]
    [InlineData(5, 0.5, 3)]
    [InlineData(6, 0.5, 4)]
    [InlineData(7, 0.5, 4)]
    [InlineData(10, 0.6, 7)]
    [InlineData(3, 0.9, 3)]
    public void The_quorum_needs_more_than_the_fraction_of_the_voting_members_as_membership_counts_it(int voting, double fraction, int required) =>
        Assert.Equal(required, QuorumPreview.Required(voting, (decimal)fraction));

    [Fact]
    public void The_preview_counts_only_voting_members_active_on_the_session_date()
    {
        var roster = new[]
        {
            Member(Ana, voting: true, from: new(2026, 1, 1)),
            Member(Beto, voting: true, from: new(2026, 1, 1), ceased: new(2026, 3, 1)),
            Member(Guid.NewGuid(), voting: false, from: new(2026, 1, 1)),
            Member(Guid.NewGuid(), voting: true, from: new(2026, 5, 1)),
        };
        var ticked = roster.Select(m => m.Id.ToString()).ToList();

        Assert.Equal((2, 2, 2, true), QuorumPreview.Count(roster, ticked, new DateOnly(2026, 2, 1), 0.5m));
        // Beto ceased that day: he no longer counts; the late member counts in the base but is ticked too.
        Assert.Equal((2, 2, 2, true), QuorumPreview.Count(roster, ticked, new DateOnly(2026, 5, 1), 0.5m));
        Assert.Equal((1, 2, 2, false), QuorumPreview.Count(roster, [Ana.ToString()], new DateOnly(2026, 5, 1), 0.5m));
        Assert.Equal((0, 0, 1, false), QuorumPreview.Count(roster, ticked, new DateOnly(2025, 12, 1), 0.5m));
    }

    [Fact]
    public void The_record_body_sends_only_the_filled_agreements_and_blank_fields_as_null()
    {
        var form = new SessionForm
        {
            Date = "2026-03-10", Agenda = "  Priorizacion  ", Minutes = " ", Attendees = [Ana.ToString()],
            Agreements = [new(), new() { What = "Operativo", ResponsibleInstitution = "mds", DueOn = "2026-05-01" }, new() { DueOn = "2026-06-01" }],
        };

        var json = JsonSerializer.Serialize(form.RecordBody());

        Assert.Equal(
            $$"""{"date":"2026-03-10","agenda":"Priorizacion","minutes":null,"attendees":["{{Ana}}"],"agreements":[{"what":"Operativo","responsibleInstitution":"mds","dueOn":"2026-05-01"},{"what":null,"responsibleInstitution":null,"dueOn":"2026-06-01"}]}""",
            json);
    }

    [Fact]
    public void Membership_field_names_map_to_the_row_and_the_member_the_person_filled()
    {
        var form = new SessionForm
        {
            Attendees = [Ana.ToString(), Beto.ToString()],
            Agreements = [new(), new() { What = "Uno" }, new(), new() { DueOn = "2026-01-01" }],
        };

        var errors = form.FormErrors(new Dictionary<string, string[]>
        {
            ["agreements[0].responsibleInstitution"] = ["Indique la institución."],
            ["agreements[1].dueOn"] = ["Fecha anterior."],
            ["attendees[1]"] = ["No estaba activa."],
            ["date"] = ["Indique la fecha."],
        });

        Assert.Equal(["Indique la institución."], errors["agreement1.responsibleInstitution"]);
        Assert.Equal(["Fecha anterior."], errors["agreement3.dueOn"]);
        Assert.Equal(["No estaba activa."], errors[SessionForm.AttendeeKey(Beto.ToString())]);
        Assert.Equal(["Indique la fecha."], errors["date"]);
        Assert.Empty(SessionForm.Unplaced(errors));
        Assert.Equal(["Versión negativa."], SessionForm.Unplaced(new Dictionary<string, string[]> { ["expectedVersion"] = ["Versión negativa."], ["agenda"] = ["x"] }));
    }

    [Theory]
    [InlineData(0, false, 2)]
    [InlineData(2, true, 3)]
    [InlineData(3, false, 3)]
    public void The_form_offers_empty_agreement_rows_and_one_more_when_asked(int posted, bool addAnother, int rows)
    {
        var form = new SessionForm { AddAgreement = addAnother, Agreements = [.. Enumerable.Range(0, posted).Select(_ => new AgreementRow())] };
        form.PadAgreements();
        Assert.Equal(rows, form.Agreements.Count);

        form.Agreements[^1].What = "lleno";
        form.AddAgreement = false;
        form.PadAgreements();
        Assert.Equal(rows + 1, form.Agreements.Count);
    }

    [Fact]
    public void A_stale_correction_says_what_someone_else_changed()
    {
        var agreement = new AgreementView(Guid.NewGuid(), "Operativo", "mds", new(2026, 5, 1), "pending", DateTimeOffset.UtcNow);
        var before = Session("draft", "Texto", [Ana], agreement);
        var seen = SessionSnapshot.Write(before);

        Assert.Empty(SessionSnapshot.Changes(seen, before));
        var after = Session("closed", "Texto corregido", [Ana, Beto], agreement with { Status = "in_progress" });
        var changes = SessionSnapshot.Changes(seen, after);
        Assert.Equal(
            [SessionChangeKind.Closed, SessionChangeKind.Minutes, SessionChangeKind.Attendance, SessionChangeKind.AgreementStatus],
            changes.Select(c => c.Kind));
        Assert.Equal("in_progress", changes[^1].Agreement!.Status);
        Assert.Empty(SessionSnapshot.Changes("basura", after));
    }

    private static MemberView Member(Guid id, bool voting, DateOnly from, DateOnly? ceased = null) => new(
        id, "Persona " + id.ToString()[^2..], "Org", "other", "female", "adult", null, null, null, "member", voting, from, ceased, null, ceased is null);

    private static SessionView Session(string status, string minutes, Guid[] attendees, params AgreementView[] agreements) => new(
        Guid.NewGuid(), new(2026, 3, 10), "Agenda", minutes, status, attendees, 2, attendees.Length, 0.5m, 2, attendees.Length >= 2, agreements, 3,
        DateTimeOffset.UtcNow, "focal", DateTimeOffset.UtcNow);
}
