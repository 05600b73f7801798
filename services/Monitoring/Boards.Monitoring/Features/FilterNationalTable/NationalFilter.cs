using System.Globalization;
using Boards.BuildingBlocks.Errors;

namespace Boards.Monitoring.Features.FilterNationalTable;

/// <summary>The query string of the filtered national table, as typed: <c>period</c>, <c>department</c>, <c>cohort</c>.</summary>
public sealed record NationalTableQuery(string? Period, string? Department, string? Cohort);

/// <summary>
/// The filters once checked: a period (null: all time), a department number (0 Asunción … 17 Alto Paraguay) and a
/// cohort of the registry. An empty parameter is no filter; anything else that is not one of these is a 400 naming
/// the field, after the length check every text parameter has (<see cref="MonitoringLimits"/>).
/// </summary>
public sealed record NationalFilter(ReportPeriod? Period, int? Department, string? Cohort)
{
    public const int LastDepartment = 17;

    public static async Task<NationalFilter> ParseAsync(NationalTableQuery query, NationalTableReader reader, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var period = Present(query.Period);
        var department = Present(query.Department);
        var cohort = Present(query.Cohort)?.ToLowerInvariant();

        ReportPeriod? parsedPeriod = null;
        if (period is not null && Fits(errors, "period", period, MonitoringLimits.Period))
        {
            parsedPeriod = ReportPeriod.Parse(period);
            if (parsedPeriod is null)
            {
                errors.Add("period", NationalMessages.UnknownPeriod);
            }
        }

        int? number = null;
        if (department is not null && Fits(errors, "department", department, MonitoringLimits.Department))
        {
            if (int.TryParse(department, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= LastDepartment)
            {
                number = parsed;
            }
            else
            {
                errors.Add("department", NationalMessages.UnknownDepartment);
            }
        }

        if (cohort is not null && Fits(errors, "cohort", cohort, MonitoringLimits.Cohort))
        {
            var known = await reader.CohortsAsync(cancellationToken);
            if (!known.Contains(cohort, StringComparer.Ordinal))
            {
                errors.Add("cohort", NationalMessages.UnknownCohort(known));
            }
        }

        errors.ThrowIfAny();
        return new NationalFilter(parsedPeriod, number, cohort);
    }

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Fits(FieldErrors errors, string field, string value, int maximum)
    {
        if (value.Length <= maximum)
        {
            return true;
        }

        errors.Add(field, NationalMessages.TooLong(maximum));
        return false;
    }
}

/// <summary>What a person reads when a filter is wrong.</summary>
public static class NationalMessages
{
    public static readonly string UnknownPeriod =
        $"Período desconocido: indique un año (2026), un trimestre (2026-Q1 a 2026-Q4, o 2026-T1) o un mes (2026-01 a 2026-12), " +
        $"entre {ReportPeriod.FirstYear} y {ReportPeriod.LastYear}.";

    public static readonly string UnknownDepartment =
        $"Departamento desconocido: indique su número, de 0 (Asunción) a {NationalFilter.LastDepartment} (Alto Paraguay).";

    public static string UnknownCohort(IReadOnlyList<string> known) => known.Count == 0
        ? "Cohorte desconocida: el registro todavía no tiene municipios con cohorte."
        : $"Cohorte desconocida: use una de las del registro ({string.Join(", ", known)}).";

    public static string TooLong(int maximum) => $"Admite como máximo {maximum} caracteres.";
}
