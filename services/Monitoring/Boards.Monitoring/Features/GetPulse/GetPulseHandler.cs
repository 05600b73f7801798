using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Domain.Pulse;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.GetPulse;

/// <summary>
/// The pulse's indices. National (one quarter, every municipality in scope: the ministry all, a focal point its own) and
/// one municipality (every quarter, for the drill-down). Scope is decided from the token before anything is read.
/// </summary>
public sealed class GetPulseHandler(PulseIndicesReader reader, TimeProvider clock)
{
    public const string QuarterField = "quarter";

    public async Task<(string Quarter, IReadOnlyList<PulseIndices> Rows)> NationalAsync(Caller caller, string? quarter, CancellationToken ct)
    {
        var scope = MonitoringScope.Require(caller);
        var wanted = string.IsNullOrWhiteSpace(quarter) ? CurrentQuarter() : NormalizeQuarter(quarter);
        var rows = await reader.ReadAsync(scope.Kind == MonitoringScopeKind.OneMunicipality ? scope.Municipality : null, wanted, ct);
        return (wanted, rows);
    }

    public Task<IReadOnlyList<PulseIndices>> MunicipalityAsync(Caller caller, string? code, CancellationToken ct) =>
        reader.ReadAsync(MunicipalityAccess.Require(caller, code), null, ct);

    /// <summary>"2026-Q4" for today in Paraguay.</summary>
    public string CurrentQuarter() => QuarterOf(ParaguayCalendar.Today(clock.GetUtcNow()));

    public static string QuarterOf(DateOnly day) => $"{day.Year}-Q{(day.Month - 1) / 3 + 1}";

    /// <summary>The quarter before "2026-Q1" is "2025-Q4".</summary>
    public static string Previous(string quarter)
    {
        var year = int.Parse(quarter.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        var number = quarter[6] - '0';
        return number == 1 ? $"{year - 1}-Q4" : $"{year}-Q{number - 1}";
    }

    private static string NormalizeQuarter(string quarter)
    {
        var value = quarter.Trim().ToUpperInvariant();
        if (value.Length != 7 || value[4] != '-' || value[5] != 'Q' || value[6] is < '1' or > '4' || !value[..4].All(char.IsAsciiDigit))
        {
            throw ValidationFailedException.For(QuarterField, "Indique el trimestre como 2026-Q4.");
        }

        return value;
    }
}
