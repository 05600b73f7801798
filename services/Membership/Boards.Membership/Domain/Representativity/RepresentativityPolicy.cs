using System.Collections.ObjectModel;

namespace Boards.Membership.Domain.Representativity;

/// <summary>
/// Targets and weights of the representativity score, set by ministry-admin. Every change gets a new
/// <see cref="Version"/>, and each assessment says which version produced it. Decimal values, so that weights and
/// target shares sum exactly. An invalid policy is refused (see <see cref="Validate"/>): weights are never silently
/// normalized.
/// </summary>
public sealed record RepresentativityPolicy
{
    private static readonly IReadOnlyDictionary<Sector, decimal> DefaultTargetComposition =
        new ReadOnlyDictionary<Sector, decimal>(new Dictionary<Sector, decimal>
        {
            [Sector.LocalGovernment] = 0.15m,
            [Sector.NationalInstitution] = 0.25m,
            [Sector.Governorate] = 0.05m,
            [Sector.CivilSocietyOrganization] = 0.20m,
            [Sector.CommunityOrganization] = 0.20m,
            [Sector.IndigenousCommunity] = 0.10m,
            [Sector.PrivateSector] = 0.05m,
            [Sector.Academia] = 0m,
            [Sector.Other] = 0m,
        });

    /// <summary>Version 1: the defaults documented in docs/representativity.md.</summary>
    public static RepresentativityPolicy Default { get; } = new();

    public int Version { get; init; } = 1;

    /// <summary>Women's share of voting members below which a gap is reported (meta de mujeres).</summary>
    public decimal WomenShareTarget { get; init; } = 0.40m;

    /// <summary>Youth (15–29) share target; the youth sub-score is min(share / target, 1).</summary>
    public decimal YouthShareTarget { get; init; } = 0.20m;

    /// <summary>Share above which the largest sector, or local government, is flagged as capture.</summary>
    public decimal CaptureLimit { get; init; } = 0.50m;

    /// <summary>Gallagher value at which the proportionality sub-score reaches 0: sub-score = 1 − min(LSq / ceiling, 1).</summary>
    public decimal GallagherCeiling { get; init; } = 0.50m;

    /// <summary>Gallagher value above which the composition is reported as far from its target.</summary>
    public decimal GallagherTolerance { get; init; } = 0.10m;

    /// <summary>Normalized Blau below which sector diversity is reported as low.</summary>
    public decimal SectorDiversityFloor { get; init; } = 0.50m;

    /// <summary>Sectors every board must have.</summary>
    public IReadOnlyList<Sector> RequiredSectors { get; init; } =
        [Sector.LocalGovernment, Sector.NationalInstitution, Sector.CivilSocietyOrganization, Sector.CommunityOrganization];

    /// <summary>Sectors also required where the municipality has indigenous communities.</summary>
    public IReadOnlyList<Sector> RequiredWhereIndigenousCommunities { get; init; } = [Sector.IndigenousCommunity];

    /// <summary>
    /// Target share per sector (t_i), summing to 1. Where the municipality has no indigenous communities the
    /// indigenous share is set to 0 and the others are scaled up by 1 / (1 − t_indigenous).
    /// </summary>
    public IReadOnlyDictionary<Sector, decimal> TargetComposition { get; init; } = DefaultTargetComposition;

    public RepresentativityWeights Weights { get; init; } = new();

    /// <summary>N: how many of the most recent sessions the attendance-weighted assessment considers.</summary>
    public int AttendanceWindowSessions { get; init; } = 4;

    public AttendanceCounting AttendanceCounting { get; init; } = AttendanceCounting.AttendanceRate;

    /// <summary>Every reason the policy cannot be used, in Spanish for the administrator; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate() => ValidateFields().Select(e => e.Message).ToList();

    /// <summary>
    /// The same errors as <see cref="Validate"/>, each with the camelCase field it is about (weights.capture,
    /// targetComposition, …), so that an API can report them as field errors.
    /// </summary>
    public IReadOnlyList<RepresentativityPolicyError> ValidateFields()
    {
        var errors = new List<RepresentativityPolicyError>();
        if (Version < 1)
            errors.Add(new("version", "la versión de la política debe ser 1 o mayor"));
        Share(errors, "womenShareTarget", WomenShareTarget, "la meta de mujeres");
        Share(errors, "youthShareTarget", YouthShareTarget, "la meta de jóvenes");
        if (CaptureLimit <= 0 || CaptureLimit >= 1)
            errors.Add(new("captureLimit", "el límite de captura debe estar entre 0 y 1 (sin incluirlos)"));
        if (GallagherCeiling <= 0)
            errors.Add(new("gallagherCeiling", "el techo de Gallagher debe ser mayor que 0"));
        if (GallagherTolerance < 0)
            errors.Add(new("gallagherTolerance", "la tolerancia de Gallagher no puede ser negativa"));
        Share(errors, "sectorDiversityFloor", SectorDiversityFloor, "el mínimo de diversidad de sectores");
        if (AttendanceWindowSessions < 1)
            errors.Add(new("attendanceWindowSessions", "la ventana de asistencia debe considerar al menos 1 sesión"));
        if (!Enum.IsDefined(AttendanceCounting))
            errors.Add(new("attendanceCounting", "el modo de conteo de asistencia no es válido"));

        if (RequiredSectors is null || RequiredWhereIndigenousCommunities is null)
            errors.Add(new("requiredSectors", "las listas de sectores requeridos no pueden faltar"));
        else if (RequiredSectors.Concat(RequiredWhereIndigenousCommunities).Any(s => !Enum.IsDefined(s)))
            errors.Add(new("requiredSectors", "un sector requerido no existe en la taxonomía"));

        if (TargetComposition is null)
        {
            errors.Add(new("targetComposition", "falta la composición meta"));
        }
        else
        {
            if (TargetComposition.Keys.Any(s => !Enum.IsDefined(s)))
                errors.Add(new("targetComposition", "la composición meta nombra un sector que no existe en la taxonomía"));
            if (TargetComposition.Values.Any(v => v < 0))
                errors.Add(new("targetComposition", "la composición meta no puede tener participaciones negativas"));
            var sum = TargetComposition.Values.Sum();
            if (sum != 1m)
                errors.Add(new("targetComposition", $"la composición meta suma {sum.ToString(System.Globalization.CultureInfo.InvariantCulture)} y debe sumar 1"));
            if (TargetComposition.GetValueOrDefault(Sector.IndigenousCommunity) >= 1m)
                errors.Add(new("targetComposition", "la composición meta no puede asignar todo a comunidades indígenas"));
        }

        if (Weights is null)
        {
            errors.Add(new("weights", "faltan los pesos"));
        }
        else
        {
            foreach (var kind in Enum.GetValues<RepresentativityComponentKind>())
            {
                if (Weights.For(kind) is < 0 or > 1)
                    errors.Add(new($"weights.{char.ToLowerInvariant(kind.ToString()[0])}{kind.ToString()[1..]}", $"el peso de {kind} debe estar entre 0 y 1"));
            }

            if (Weights.Sum != 1m)
                errors.Add(new("weights", $"los pesos suman {Weights.Sum.ToString(System.Globalization.CultureInfo.InvariantCulture)} y deben sumar 1"));
        }

        return errors;
    }

    /// <summary>Throws <see cref="InvalidRepresentativityPolicyException"/> listing every error.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
            throw new InvalidRepresentativityPolicyException(errors);
    }

    private static void Share(List<RepresentativityPolicyError> errors, string field, decimal value, string what)
    {
        if (value is < 0 or > 1)
            errors.Add(new(field, $"{what} debe estar entre 0 y 1"));
    }
}

/// <summary>The published weight of each component in the 0–100 score. They must sum to exactly 1.</summary>
public sealed record RepresentativityWeights
{
    public decimal RequiredSectors { get; init; } = 0.25m;
    public decimal GenderParity { get; init; } = 0.15m;
    public decimal Youth { get; init; } = 0.10m;
    public decimal TerritorialCoverage { get; init; } = 0.10m;
    public decimal SectorDiversity { get; init; } = 0.10m;
    public decimal SectorEvenness { get; init; } = 0.05m;
    public decimal Proportionality { get; init; } = 0.10m;
    public decimal Capture { get; init; } = 0.15m;

    public decimal Sum => RequiredSectors + GenderParity + Youth + TerritorialCoverage + SectorDiversity + SectorEvenness +
        Proportionality + Capture;

    public decimal For(RepresentativityComponentKind kind) => kind switch
    {
        RepresentativityComponentKind.RequiredSectors => RequiredSectors,
        RepresentativityComponentKind.GenderParity => GenderParity,
        RepresentativityComponentKind.Youth => Youth,
        RepresentativityComponentKind.TerritorialCoverage => TerritorialCoverage,
        RepresentativityComponentKind.SectorDiversity => SectorDiversity,
        RepresentativityComponentKind.SectorEvenness => SectorEvenness,
        RepresentativityComponentKind.Proportionality => Proportionality,
        RepresentativityComponentKind.Capture => Capture,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>One reason a policy is invalid: the camelCase field it is about and the Spanish message.</summary>
public sealed record RepresentativityPolicyError(string Field, string Message);

public sealed class InvalidRepresentativityPolicyException(IReadOnlyList<string> errors)
    : Exception("Política de representatividad inválida: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
