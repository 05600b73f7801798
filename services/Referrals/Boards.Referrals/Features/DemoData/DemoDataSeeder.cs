using System.Text;
using Boards.BuildingBlocks.Outbox;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.DemoData;

/// <summary>
/// Development only (Referrals:SeedDemoData): when there are no referrals yet, creates a few weeks of made-up referrals
/// in several municipalities and states, with their events, so the ministry's view has something to show on first start.
/// The people are fictitious.
/// </summary>
public static class DemoDataSeeder
{
    private static readonly string[] Municipalities = ["alto-vera", "pilar", "itakyry", "yhu", "capiibary", "villa-franca", "laurel", "san-juan-nepomuceno"];
    private static readonly (string Institution, string Service, string Need)[] Destinations =
    [
        ("mspbs", "atencion-primaria", "salud"), ("mds", "tekopora", "transferencias"), ("mec", "matriculacion", "educacion"),
        ("mtess", "intermediacion-laboral", "empleo"), ("minna", "proteccion-ninez", "proteccion"), ("muvh", "mejoramiento-vivienda", "vivienda"),
    ];

    private static readonly string[] GivenNames = ["María", "José", "Ana", "Carlos", "Rosa", "Juan", "Lucía", "Pedro", "Elena", "Derlis"];
    private static readonly string[] FamilyNames = ["Benítez", "González", "Ayala", "Martínez", "Giménez", "Ortiz", "Duarte", "Cáceres"];

    public static async Task SeedDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Referrals:SeedDemoData", false))
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        if (await db.Referrals.AnyAsync(cancellationToken))
        {
            return;
        }

        var options = scope.ServiceProvider.GetRequiredService<IOptions<ReferralsOptions>>().Value;
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var secret = Encoding.UTF8.GetBytes(options.PersonKeySecret);
        var random = new Random(2021);
        var now = clock.GetUtcNow();

        for (var i = 0; i < 60; i++)
        {
            var municipality = Municipalities[i % Municipalities.Length];
            var (institution, service, need) = Destinations[random.Next(Destinations.Length)];
            var created = now.AddDays(-random.Next(1, 45)).AddHours(-random.Next(0, 12));
            var person = new Person
            {
                DocumentNumber = random.Next(1_000_000, 7_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                GivenNames = GivenNames[random.Next(GivenNames.Length)],
                FamilyNames = $"{FamilyNames[random.Next(FamilyNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}",
                BirthDate = new DateOnly(1950 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28)),
                Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male,
                Locality = "Compañía " + (1 + random.Next(12)),
            };
            var request = new NewReferral($"demo-{i:000}", municipality, municipality, "municipalidad", institution, service, need,
                (Priority)(1 + random.Next(3)), "Caso de demostración identificado por la mesa.", person,
                new Consent { Given = true, GivenBy = "la persona" }, null);

            var referral = Referral.Create(request, PersonKey.Compute(person, secret), "demo", "Punto focal (demostración)", created, options.Deadlines);
            db.Referrals.Add(referral);
            db.AddToOutbox(ReferralEventFactory.ForLatestChange(referral, created), clock);
            Advance(referral, random.Next(10), created, now, options.Deadlines, db, clock);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Advance(Referral referral, int fate, DateTimeOffset created, DateTimeOffset now, DeadlinePolicy deadlines, ReferralsDbContext db, TimeProvider clock)
    {
        var actor = $"Funcionario/a de {referral.DestinationInstitution.ToUpperInvariant()} (demostración)";
        var at = created.AddHours(6 + (fate * 7));
        if (fate <= 1 || at > now)
        {
            return; // still requested
        }

        if (fate == 2)
        {
            referral.Reject(RejectionReason.NoCapacity, "Sin cupos disponibles este mes.", actor, at);
            db.AddToOutbox(ReferralEventFactory.ForLatestChange(referral, at), clock);
            return;
        }

        referral.Accept(actor, null, at, deadlines);
        db.AddToOutbox(ReferralEventFactory.ForLatestChange(referral, at), clock);
        var answered = at.AddDays(fate);
        if (fate <= 4 || answered > now)
        {
            return; // accepted, waiting for the counter-referral
        }

        var attended = fate != 9;
        referral.CounterRefer(new CounterReferral
        {
            Attended = attended,
            AttendedOn = attended ? DateOnly.FromDateTime(answered.UtcDateTime) : null,
            Outcome = attended ? (fate == 8 ? Outcome.PartiallyHelped : Outcome.GotHelp) : Outcome.CouldNotContact,
            ServicesDelivered = attended ? [referral.ServiceCode] : [],
            AnsweredBy = actor,
        }, actor, answered);
        db.AddToOutbox(ReferralEventFactory.ForLatestChange(referral, answered), clock);
    }
}
