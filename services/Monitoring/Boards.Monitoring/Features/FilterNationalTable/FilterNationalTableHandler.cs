using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.FilterNationalTable;

/// <summary>
/// The national table under filters, in the national table's scope (<see cref="MonitoringScope"/>): ministry staff
/// see every municipality that passes the filters, a focal point only its own (the filters can only narrow it further),
/// anyone else is refused before the filters are read. The exports and the monthly report are this table.
/// </summary>
public sealed class FilterNationalTableHandler(NationalTableReader reader, TimeProvider clock)
{
    public async Task<NationalTable> HandleAsync(Caller caller, NationalTableQuery query, CancellationToken cancellationToken)
    {
        var scope = MonitoringScope.Require(caller);
        var filter = await NationalFilter.ParseAsync(query, reader, cancellationToken);
        var own = scope.Kind == MonitoringScopeKind.OneMunicipality ? scope.Municipality : null;
        var trendMonths = filter.Period?.Months ?? ReportPeriod.TwelveMonthsEndingIn(ParaguayCalendar.Today(clock.GetUtcNow()));
        var rows = await reader.ReadAsync(filter, own, trendMonths, cancellationToken);
        var departmentName = filter.Department is not { } department ? null
            : rows.FirstOrDefault(r => r.DepartmentNumber == department)?.Department ?? await reader.DepartmentNameAsync(department, cancellationToken);
        return new NationalTable(filter.Period, filter.Department, departmentName, filter.Cohort, trendMonths, rows);
    }
}
