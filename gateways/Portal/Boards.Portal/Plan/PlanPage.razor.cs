namespace Boards.Portal.Plan;

public partial class PlanPage
{
    private ApiResult<List<PrioritizedNeedView>>? _needs;
    private ApiResult<List<InstitutionView>>? _institutions;
    private PlanNames _names = null!;

    protected override async Task OnInitializedAsync()
    {
        _names = new PlanNames(L);
        if (!await LoadPlanAsync())
        {
            return;
        }

        // The needs' categories in words for everyone; the lists the forms choose from only for whoever gets the forms.
        var categories = await Api.NeedCategoriesAsync();
        if (CanEdit && Loaded!.IsDraft)
        {
            _needs = await Api.PrioritizedNeedsAsync(Code);
            _institutions = await Api.InstitutionsAsync();
        }

        _names = new PlanNames(L, _institutions, categories, _needs, Loaded);
    }
}
