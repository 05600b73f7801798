using Boards.BuildingBlocks.Outbox;

namespace Boards.Needs.Features.DemoData;

/// <summary>
/// Development only (Needs:SeedDemoData): when no catalog exists yet, gives every pilot municipality a made-up offer
/// catalog with the service codes the referrals demo uses, and a closed assessment round with members' ballots, so
/// that the portal and Monitoring have rankings and gaps to show. Events go through the outbox as in real use.
/// </summary>
public static class DemoDataSeeder
{
    private sealed record DemoService(string Code, string Name, string Program, string Institution, string[] Categories,
        ServiceChannel Channel, int? Capacity, CapacityStatus Status, WaitlistBand? Band = null);

    private static readonly DemoService[] Catalog =
    [
        new("atencion-primaria", "Unidad de Salud de la Familia", "Atención Primaria de la Salud", "mspbs", ["health"], ServiceChannel.HealthUnit, 120, CapacityStatus.Available),
        new("tekopora", "Tekoporã", "Tekoporã", "mds", ["food_security", "education"], ServiceChannel.HomeVisit, 25, CapacityStatus.Waitlist, WaitlistBand.OneTo3Months),
        new("pension-adultos-mayores", "Pensión Alimentaria para Adultos Mayores", "Pensión Alimentaria para Adultos Mayores", "mds", ["social_security", "care"], ServiceChannel.Office, 15, CapacityStatus.Waitlist, WaitlistBand.Over3Months),
        new("alimentacion-escolar", "Alimentación Escolar", "Programa de Alimentación Escolar", "mec", ["food_security", "education"], ServiceChannel.Office, 300, CapacityStatus.Available),
        new("matriculacion", "Matriculación escolar", "Educación Escolar Básica", "mec", ["education"], ServiceChannel.Office, null, CapacityStatus.Available),
        new("intermediacion-laboral", "Intermediación laboral", "Servicio Nacional de Empleo", "mtess", ["employment_income"], ServiceChannel.Office, 20, CapacityStatus.Available),
        new("proteccion-ninez", "Protección de la niñez", "Consejería Municipal por los Derechos del Niño", "minna", ["violence_protection", "care"], ServiceChannel.HomeVisit, 10, CapacityStatus.Available),
        new("mejoramiento-vivienda", "Mejoramiento de vivienda", "Che Tapỹi", "muvh", ["housing"], ServiceChannel.ServiceDay, 5, CapacityStatus.Full),
    ];

    private static readonly (string Category, string Locality, PopulationGroup Group, EvidenceSource Source)[] Needs =
    [
        ("water_sanitation", "Compañía San Isidro", PopulationGroup.Indigenous, EvidenceSource.BoardSession),
        ("food_security", "Barrio San Antonio", PopulationGroup.Children, EvidenceSource.Survey),
        ("health", "Compañía Potrero", PopulationGroup.Elderly, EvidenceSource.ServiceDay),
        ("housing", "Asentamiento 8 de Diciembre", PopulationGroup.WomenHeadsOfHousehold, EvidenceSource.Survey),
        ("identity_documents", "Comunidad Ita Guasu", PopulationGroup.Indigenous, EvidenceSource.ReferralStatistics),
        ("employment_income", "Centro urbano", PopulationGroup.Adolescents, EvidenceSource.BoardSession),
    ];

    private const string FocalPoint = "Punto focal (demostración)";

    private static readonly string[] Members = ["María Benítez (MSPBS)", "José Ayala (MEC)", "Rosa Duarte (sociedad civil)", "Derlis Ortiz (Municipalidad)"];

    public static async Task SeedDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Needs:SeedDemoData", false))
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<NeedsDbContext>();
        if (await db.Services.AnyAsync(cancellationToken) || await db.Rounds.AnyAsync(cancellationToken))
        {
            return;
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var gaps = scope.ServiceProvider.GetRequiredService<GapAnalyzer>();
        var now = clock.GetUtcNow();
        var random = new Random(2026);
        // One transaction: the gap analysis below reads the catalog written just before it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pilots = await db.Municipalities.Where(m => m.Status.StartsWith("pilot")).OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(cancellationToken);
        foreach (var municipality in pilots)
        {
            foreach (var demo in Catalog)
            {
                var service = Service(municipality, demo, now);
                db.Services.Add(service);
                db.AddToOutbox(OfferEvents.Changed(service), clock);
            }

            await db.SaveChangesAsync(cancellationToken);

            var round = Round(municipality, random, now);
            db.Rounds.Add(round);
            db.AddToOutbox(RoundEvents.Prioritized(round, now), clock);
            db.AddToOutbox(await gaps.AnalyzeAsync(municipality, round, GapAnalyzer.RoundClosed, cancellationToken), clock);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static OfferedService Service(string municipality, DemoService demo, DateTimeOffset now) => OfferedService.Create(
        municipality,
        demo.Code,
        new ValidOffer(
            demo.Name, demo.Program, demo.Institution, [.. demo.Categories],
            "Servicio de demostración: consulte los requisitos en la institución.",
            demo.Channel, demo.Capacity, demo.Status, demo.Band),
        "Datos de demostración",
        now);

    /// <summary>A round opened 60 days ago and closed 30 days ago, through the same steps as in real use.</summary>
    private static AssessmentRound Round(string municipality, Random random, DateTimeOffset now)
    {
        var opened = now.AddDays(-60);
        var round = AssessmentRound.Open(municipality, "2026-S1", "Diagnóstico participativo (demostración)", FocalPoint, opened);
        var number = 0;
        foreach (var (category, locality, group, source) in Needs)
        {
            var need = new ValidNeed(category, locality, group, 20 + random.Next(180), 1 + random.Next(5), source, "Dato de demostración.");
            round.RecordNeed(need, FocalPoint, opened.AddDays(++number));
        }

        foreach (var member in Members)
        {
            var ranking = round.Needs.Select(n => n.Id).OrderBy(_ => random.Next()).Take(3 + random.Next(round.Needs.Count - 2)).ToList();
            round.CastBallot(Guid.CreateVersion7(), member, ranking, FocalPoint, opened.AddDays(20));
        }

        round.Close(round.Version, FocalPoint, now.AddDays(-30));
        return round;
    }
}
