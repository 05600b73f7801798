using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Data;

namespace Boards.Membership.Features.DemoData;

/// <summary>
/// Development only (Membership:SeedDemoData): when there are no boards yet, creates boards with made-up rosters and a
/// focal point in the demo municipalities, through the domain and with their events, so the portal and the
/// representativity view have something to show on first start. Some boards are deliberately dominated by local
/// government. The people are fictitious.
/// </summary>
public static class DemoBoardsSeeder
{
    public const string ConfigurationKey = "Membership:SeedDemoData";

    private static readonly string[] Municipalities = ["alto-vera", "pilar", "itakyry", "yhu", "capiibary", "villa-franca", "laurel", "san-juan-nepomuceno"];

    private static readonly (Sector Sector, string Organization)[] Seats =
    [
        (Sector.LocalGovernment, "Municipalidad"),
        (Sector.NationalInstitution, "Unidad de Salud Familiar (MSPBS)"),
        (Sector.NationalInstitution, "Supervisión educativa (MEC)"),
        (Sector.Governorate, "Gobernación"),
        (Sector.CivilSocietyOrganization, "Asociación de productores"),
        (Sector.CommunityOrganization, "Comisión vecinal"),
        (Sector.CommunityOrganization, "Comité de mujeres"),
        (Sector.IndigenousCommunity, "Comunidad indígena"),
        (Sector.PrivateSector, "Cooperativa"),
    ];

    private static readonly string[] GivenNames = ["María", "José", "Ana", "Carlos", "Rosa", "Juan", "Lucía", "Pedro", "Elena", "Derlis", "Nilda", "Óscar"];
    private static readonly string[] FamilyNames = ["Benítez", "González", "Ayala", "Martínez", "Giménez", "Ortiz", "Duarte", "Cáceres"];

    public static async Task SeedDemoBoardsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue(ConfigurationKey, false))
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        if (await db.Boards.AnyAsync(cancellationToken))
        {
            return;
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var registered = await db.Municipalities.Select(m => m.Code).ToListAsync(cancellationToken);
        var random = new Random(2021);

        foreach (var (code, index) in Municipalities.Where(registered.Contains).Select((code, index) => (code, index)))
        {
            var board = Board.Create(code, new CreatingAct($"Res. {10 + index}/2021", new DateOnly(2021, 3 + index, 10)),
                new Chair($"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}", index % 3 == 0 ? ChairRole.Delegate : ChairRole.Mayor),
                BoardStatus.Active, "demo", now);
            db.Boards.Add(board);

            // Every third board is captured by local government: four municipal seats and little else.
            var seats = index % 3 == 1
                ? [Seats[0], Seats[0], Seats[0], Seats[0], Seats[1], Seats[5]]
                : Seats.Where((_, i) => i != 7 || index % 2 == 0).ToArray();
            var members = new List<Member>();
            foreach (var (sector, organization) in seats)
            {
                var female = random.Next(100) < (index % 3 == 1 ? 20 : 50);
                var member = board.AddMember(new NewMember(
                    $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}",
                    organization, sector, female ? Gender.Female : Gender.Male,
                    (AgeBand)(1 + random.Next(3)),
                    new Territory(random.Next(2) == 0 ? Area.Urban : Area.Rural, random.Next(2) == 0 ? "Centro" : $"Compañía {1 + random.Next(12)}"),
                    Indigenous: sector == Sector.IndigenousCommunity, Disability: random.Next(10) == 0,
                    Position: members.Count == 0 ? Position.Chair : members.Count == 1 ? Position.Secretary : Position.Member,
                    Voting: random.Next(10) != 0,
                    DesignatedOn: today.AddDays(-400 + random.Next(100))), "demo", now);
                members.Add(member);
            }

            var focal = members[^1];
            var startsOn = today.AddDays(-200 + random.Next(100));
            var (_, previous) = board.AppointFocalPoint(focal, startsOn, "demo", now);
            db.AddToOutbox(new FocalPointAppointed
            {
                BoardId = board.Id,
                MunicipalityCode = code,
                MemberId = focal.Id,
                PreviousMemberId = previous,
                StartsOn = startsOn,
                BoardVersion = board.Version,
                OccurredAt = now,
            }, clock);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
