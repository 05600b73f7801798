using Boards.BuildingBlocks.Api.Limits;
using Boards.Membership.Features.IdentityLink;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.AddMember;

/// <summary>
/// A membership as the portal sends it, to add one (POST) or to correct one (PUT, the whole membership). Everything
/// optional, so that validation names every missing field at once.
/// </summary>
public sealed record AddMemberCommand
{
    [MaxText(MembershipLimits.Name)]
    public string? PersonName { get; init; }
    /// <summary>The institution or organization the person represents.</summary>
    [MaxText(MembershipLimits.Name)]
    public string? Organization { get; init; }
    public Sector? Sector { get; init; }
    public Gender? Gender { get; init; }
    public AgeBand? AgeBand { get; init; }
    public TerritoryInput? Territory { get; init; }
    public bool Indigenous { get; init; }
    public bool Disability { get; init; }
    /// <summary>Defaults to member. focal_point is refused: appoint the focal point instead.</summary>
    public Position? Position { get; init; }
    /// <summary>Defaults to true.</summary>
    public bool? Voting { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(MembershipLimits.Date)]
    public string? DesignatedOn { get; init; }
    /// <summary>Optional user name in the identity provider; used when the member is appointed focal point.</summary>
    [MaxText(MembershipLimits.Account)]
    public string? Account { get; init; }
    /// <summary>The board's version the caller saw; 0 skips the check.</summary>
    public long ExpectedVersion { get; init; }
}

public sealed record TerritoryInput(Area? Area, [property: MaxText(MembershipLimits.Name)] string? Locality);

public sealed class AddMemberHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity, AccountLinkRule links)
{
    public async Task<(Board Board, Member Member)> HandleAsync(string? municipalityCode, AddMemberCommand command, Caller caller, CancellationToken ct)
    {
        var input = Validate(command);
        var board = await store.LoadForChangeAsync(municipalityCode, command.ExpectedVersion, caller, ct);
        if (input.Account is { } account)
        {
            await links.EnsureMayLinkAsync(board, account, caller, ct);
        }

        var member = board.AddMember(input, caller.DisplayName, clock.GetUtcNow());
        // Same SaveChanges: the change, its representativity assessment and RepresentativityAssessed commit together.
        await representativity.RecordAsync(board, ct);
        await store.SaveAsync(ct);
        return (board, member);
    }

    public static NewMember Validate(AddMemberCommand command)
    {
        var errors = new FieldErrors();
        var name = Input.Text(errors, "personName", command.PersonName, MembershipLimits.Name, "Indique el nombre de la persona.");
        var organization = Input.Text(errors, "organization", command.Organization, MembershipLimits.Name, "Indique la institución u organización que representa.");
        var sector = Input.Enum(errors, "sector", command.Sector, "Indique el sector.");
        var gender = Input.Enum(errors, "gender", command.Gender, "Indique el género: female, male u other.");
        var ageBand = Input.Enum(errors, "ageBand", command.AgeBand, "Indique la franja de edad: youth (15–29), adult (30–64) o senior (65+).");
        var area = Input.Enum(errors, "territory.area", command.Territory?.Area, "Indique si la persona es de zona urbana (urban) o rural (rural).");
        var locality = Input.Text(errors, "territory.locality", command.Territory?.Locality, MembershipLimits.Name, "Indique la localidad (barrio, compañía o comunidad).");
        var position = command.Position ?? Position.Member;
        if (!Enum.IsDefined(position))
        {
            errors.Add("position", "Cargo desconocido.");
        }

        var designatedOn = Input.Date(errors, "designatedOn", command.DesignatedOn, "Indique la fecha de designación.");
        var account = Input.Account(errors, "account", command.Account);
        Input.ExpectedVersion(errors, command.ExpectedVersion);
        errors.ThrowIfAny();
        return new NewMember(name, organization, sector, gender, ageBand, new Territory(area, locality),
            command.Indigenous, command.Disability, position, command.Voting ?? true, designatedOn, account);
    }
}
