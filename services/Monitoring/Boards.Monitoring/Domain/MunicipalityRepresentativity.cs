namespace Boards.Monitoring.Domain;

/// <summary>
/// The latest representativity assessment of a municipality's board on one basis, as announced by Membership's
/// RepresentativityAssessed: the 0–100 score, the policy version that produced it and the gaps in Spanish. The roster
/// and the attendance-weighted assessments are separate rows, so neither overwrites the other.
/// </summary>
public sealed class MunicipalityRepresentativity
{
    private MunicipalityRepresentativity()
    {
        Code = "";
        Basis = RepresentativityBasis.Roster;
        Gaps = [];
    }

    public string Code { get; private set; }
    public string Basis { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid BoardId { get; private set; }
    public decimal Score { get; private set; }
    public int PolicyVersion { get; private set; }
    public List<string> Gaps { get; private set; }
    public DateTimeOffset AssessedAt { get; private set; }

    public static MunicipalityRepresentativity From(RepresentativityReading reading)
    {
        var row = new MunicipalityRepresentativity { Code = reading.Code, Basis = reading.Basis };
        row.Take(reading);
        return row;
    }

    /// <summary>Applies a newer assessment; false (nothing changes) when it is not newer than the one held.</summary>
    public bool Apply(RepresentativityReading reading)
    {
        if (reading.Code != Code || reading.Basis != Basis)
        {
            throw new ArgumentException($"The assessment is for {reading.Code}/{reading.Basis}, not {Code}/{Basis}.", nameof(reading));
        }

        if (reading.AssessedAt <= AssessedAt)
        {
            return false;
        }

        Take(reading);
        return true;
    }

    public RepresentativitySnapshot ToSnapshot() => new(Score, PolicyVersion, Gaps.ToList(), AssessedAt);

    private void Take(RepresentativityReading reading)
    {
        AssessmentId = reading.AssessmentId;
        BoardId = reading.BoardId;
        Score = reading.Score;
        PolicyVersion = reading.PolicyVersion;
        Gaps = reading.Gaps.ToList();
        AssessedAt = reading.AssessedAt;
    }
}

public sealed record RepresentativityReading(
    string Code, string Basis, Guid AssessmentId, Guid BoardId, decimal Score, int PolicyVersion, IReadOnlyList<string> Gaps, DateTimeOffset AssessedAt);

/// <summary>What the summaries show: score (0–100, one decimal), policy version, gaps in Spanish, and when it was assessed.</summary>
public sealed record RepresentativitySnapshot(decimal Score, int PolicyVersion, IReadOnlyList<string> Gaps, DateTimeOffset AssessedAt);

/// <summary>The bases Membership assesses on: the roster (each active voting member counts 1) and attendance.</summary>
public static class RepresentativityBasis
{
    public const string Roster = "roster";
    public const string Attendance = "attendance";

    /// <summary>The known basis, lower-case; null when it is not one we keep.</summary>
    public static string? Normalize(string? basis) => basis?.Trim().ToLowerInvariant() switch
    {
        Roster => Roster,
        Attendance => Attendance,
        _ => null,
    };
}
