using Boards.ServiceDays.Contracts.Reports;

namespace Boards.Monitoring.Tests.Integration.NationalTable;

/// <summary>
/// Three municipalities in two departments with referrals, service days and focal points across 2026's first two
/// quarters, published as the services publish them. The figures the tests expect are worked out by hand beside
/// each test; this is only what happened. Each test passes its own department numbers, so tests sharing a database
/// never see each other's municipalities under a department filter; other tests register theirs in Itapúa (7),
/// Canindeyú (14) and a few others, so a test that filters by department picks one nobody else uses.
/// </summary>
public sealed class TwoDepartments(int department, string departmentName, int otherDepartment, string otherDepartmentName)
{
    public int Department { get; } = department;
    public int OtherDepartment { get; } = otherDepartment;
    public string DepartmentName => departmentName;

    /// <summary>Alto Verá, pilot 2021, in <see cref="Department"/>.</summary>
    public string A { get; } = TestCodes.Unique("alto");

    /// <summary>Yatytay, expansion 2025, in <see cref="Department"/>.</summary>
    public string B { get; } = TestCodes.Unique("yaty");

    /// <summary>Itanará, expansion 2025, in the other department.</summary>
    public string C { get; } = TestCodes.Unique("itan");

    /// <summary>10:00 on a day of 2026 in Paraguay.</summary>
    public static DateTimeOffset At(int month, int day) => ParaguayCalendar.StartOf(new DateOnly(2026, month, day)).AddHours(10);

    /// <summary>23:30 of 31 March in Paraguay: already 1 April in UTC, still March (Q1) for the table.</summary>
    public static DateTimeOffset LastHalfHourOfMarch => ParaguayCalendar.StartOf(new DateOnly(2026, 4, 1)).AddMinutes(-30);

    public async Task SeedAsync(MonitoringHost host)
    {
        await host.PublishAndWaitAsync(TestCodes.Registration(A, "Alto Verá", departmentName, Department, status: "pilot-2021"));
        await host.PublishAndWaitAsync(TestCodes.Registration(B, "Yatytay", departmentName, Department, status: "expansion-2025"));
        await host.PublishAndWaitAsync(TestCodes.Registration(C, "Itanará", otherDepartmentName, OtherDepartment, status: "expansion-2025"));

        // A, Q1: completed (January), rejected (February), cancelled (31 March, 23:30). Q2: accepted and overdue (April).
        await PublishAsync(host, new ReferralStory(A, At(1, 15)), s => [s.Requested(), s.Accepted(1), s.CounterReferred(5, 3)]);
        await PublishAsync(host, new ReferralStory(A, At(2, 10)), s => [s.Requested(), s.Rejected(2)]);
        await PublishAsync(host, new ReferralStory(A, LastHalfHourOfMarch), s => [s.Requested(), s.Cancelled(0.01)]);
        await PublishAsync(host, new ReferralStory(A, At(4, 5)), s => [s.Requested(), s.Accepted(1), s.Overdue("accepted", 2, 31)]);
        // B, Q1: failed (March), two still requested (January, February). Q2: completed (May).
        await PublishAsync(host, new ReferralStory(B, At(3, 1)), s => [s.Requested(), s.Accepted(1), s.CounterReferred(4, 3, gotHelp: false)]);
        await PublishAsync(host, new ReferralStory(B, At(2, 20)), s => [s.Requested()]);
        await PublishAsync(host, new ReferralStory(B, At(1, 5)), s => [s.Requested()]);
        await PublishAsync(host, new ReferralStory(B, At(5, 10)), s => [s.Requested(), s.Accepted(1), s.CounterReferred(3, 3)]);
        // C, Q1: completed (January).
        await PublishAsync(host, new ReferralStory(C, At(1, 20)), s => [s.Requested(), s.Accepted(1), s.CounterReferred(2, 3)]);

        await host.PublishAndWaitAsync(Day(A, new DateOnly(2026, 2, 14), 50, ("mspbs", "atencion-primaria", 30), ("MSPBS", "vacunacion", 10), ("mec", "apoyo-escolar", 15)));
        await host.PublishAndWaitAsync(Day(A, new DateOnly(2026, 4, 20), 20, ("mspbs", "atencion-primaria", 20)));
        var corrected = Day(B, new DateOnly(2026, 3, 5), 18, ("mspbs", "atencion-primaria", 12), ("mds", "tekopora", 8));
        await host.PublishAndWaitAsync(corrected);
        await host.PublishAndWaitAsync(Day(B, new DateOnly(2026, 3, 5), 19, ("mspbs", "atencion-primaria", 13), ("mds", "tekopora", 8))
            with { ServiceDayId = corrected.ServiceDayId, ReportVersion = 2 });
        await host.PublishAndWaitAsync(Day(C, new DateOnly(2026, 2, 1), 5, ("mspbs", "atencion-primaria", 5)));

        // A: appointed, access granted (an older "pending" arriving after it changes nothing).
        var termA = Guid.CreateVersion7();
        var granted = DateTimeOffset.UtcNow;
        await host.PublishAndWaitAsync(FocalPointEvents.Appointed(A, termA, 3, new DateOnly(2025, 6, 1)));
        await host.PublishAndWaitAsync(FocalPointEvents.Access(A, termA, "granted", granted));
        await host.PublishAndWaitAsync(FocalPointEvents.Access(A, termA, "pending", granted.AddMinutes(-1)));
        // B: a first term granted, then a second appointment whose access (no account) arrives before the appointment.
        var firstB = Guid.CreateVersion7();
        var secondB = Guid.CreateVersion7();
        await host.PublishAndWaitAsync(FocalPointEvents.Appointed(B, firstB, 2, new DateOnly(2025, 3, 1)));
        await host.PublishAndWaitAsync(FocalPointEvents.Access(B, firstB, "granted", granted));
        await host.PublishAndWaitAsync(FocalPointEvents.Access(B, secondB, "no_account", granted.AddMinutes(5)));
        await host.PublishAndWaitAsync(FocalPointEvents.Appointed(B, secondB, 5, new DateOnly(2026, 2, 1)));
    }

    private static async Task PublishAsync(MonitoringHost host, ReferralStory story, Func<ReferralStory, object[]> events)
    {
        foreach (var message in events(story))
        {
            await host.PublishAndWaitAsync(message);
        }
    }

    private static Boards.ServiceDays.Contracts.Events.ServiceDayHeld Day(
        string code, DateOnly date, int people, params (string Institution, string Service, int Attentions)[] services) =>
        ServiceDayEvents.Held(code, date, people, 0) with
        {
            ServicesDelivered = [.. services.Select(s => new ServiceDelivered { InstitutionCode = s.Institution, ServiceCode = s.Service, Attentions = s.Attentions })],
        };
}
