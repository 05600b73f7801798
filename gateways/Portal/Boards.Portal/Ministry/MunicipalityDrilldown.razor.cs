using System.Globalization;
using Boards.Portal.Components.Shared;
using Boards.Portal.Naming;
using Microsoft.AspNetCore.Components;

namespace Boards.Portal.Ministry;

public partial class MunicipalityDrilldown
{
    [Parameter] public string Code { get; set; } = "";
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    private ApiResult<MunicipalitySummaryView>? _result;
    private ApiResult<MunicipalityTrendsView>? _trends;
    private Dictionary<string, string> _categoryNames = new(StringComparer.OrdinalIgnoreCase);

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    protected override async Task OnInitializedAsync()
    {
        var code = Code.Trim().ToLowerInvariant();
        var trends = Api.MunicipalityTrendsAsync(code);
        var categories = Api.NeedCategoriesAsync();
        var names = Names.LoadAsync(NameLists.Municipalities);
        _result = await Api.MunicipalitySummaryAsync(code);
        _trends = await trends;
        await names;
        if ((await categories).Value is { } known)
        {
            _categoryNames = known.ToDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);
        }

        PageAnswer.Refused(_result.Outcome, Navigation, HttpContext);
    }

    private List<BarChart.Bar> ByStatus(MunicipalitySummaryView m) =>
    [
        new(L["Drill.Status.open"], m.Referrals.Open),
        new(L["Status.completed"], m.Referrals.Completed),
        new(L["Status.failed"], m.Referrals.Failed),
        new(L["Status.rejected"], m.Referrals.Rejected),
        new(L["Status.cancelled"], m.Referrals.Cancelled),
    ];
}
