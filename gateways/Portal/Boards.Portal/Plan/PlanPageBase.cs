using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Plan;

/// <summary>
/// What every PAT page shares: the municipality and year (<c>?anio=</c>, this year in Paraguay by default), whether
/// the person may see it and may change it, and the year's plan. Planning decides; the forms are only offered to
/// ministry-admin and the municipality's focal point.
/// </summary>
public abstract class PlanPageBase : ComponentBase
{
    [Inject] protected BoardsApi Api { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected PortalOptions Options { get; set; } = null!;

    [Parameter] public string Code { get; set; } = "";
    [SupplyParameterFromQuery(Name = "anio")] public int? RequestedYear { get; set; }
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }
    [CascadingParameter] protected Task<AuthenticationState>? AuthenticationState { get; set; }

    protected int Year { get; private set; }
    protected bool Allowed { get; private set; }
    protected bool CanEdit { get; private set; }
    protected ApiResult<List<PlanSummaryItemView>>? List { get; private set; }
    protected ApiResult<PlanDetailView>? Plan { get; private set; }

    /// <summary>The plan when it loaded; null when there is none for the year or it could not be read.</summary>
    protected PlanDetailView? Loaded => Plan is { IsOk: true } ? Plan.Value : null;

    /// <summary>Forbidden by the portal or by Planning: the page shows only the refusal.</summary>
    protected bool Refused => !Allowed || List is { Outcome: ApiOutcome.Forbidden } || Plan is { Outcome: ApiOutcome.Forbidden };

    /// <summary>Planning did not answer (the list or the plan): the page says so instead of "no plan".</summary>
    protected bool Down => List is not null && (!List.IsOk || (Plan is not null && !Plan.IsOk)) && !Refused;

    /// <summary>Planning answered and there is no plan for the year.</summary>
    protected bool NoPlan => List is { IsOk: true } && Plan is null;

    /// <summary>Loads the year's plan; false when the page has nothing more to load (refused, signed out, no plan).</summary>
    protected async Task<bool> LoadPlanAsync()
    {
        Code = Code.Trim().ToLowerInvariant();
        Year = RequestedYear is >= 2000 and <= 2100 ? RequestedYear.Value : TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Options.TimeZone).Year;
        var user = CurrentUser.From((await AuthenticationState!).User);
        Allowed = user.CanSeeBoard(Code);
        CanEdit = Allowed && (user.Roles.Contains(CurrentUser.Admin) || (user.IsFocalPoint && user.Municipality == Code));
        if (!Allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return false;
        }

        List = await Api.PlansAsync(Code, Year);
        if (List.IsOk && List.Value!.FirstOrDefault(p => p.Year == Year) is { } summary)
        {
            Plan = await Api.PlanAsync(summary.Id);
        }

        if (List.Outcome == ApiOutcome.Unauthorized || Plan?.Outcome == ApiOutcome.Unauthorized)
        {
            Navigation.ToSignIn();
            return false;
        }

        if (Refused)
        {
            PageAnswer.Forbidden(HttpContext);
            return false;
        }

        return Loaded is not null;
    }

    /// <summary>Where a change sends the person back: the plan's summary with the roll-up (post/redirect/get).</summary>
    protected void BackToPlan(string done, string? fragment = null) =>
        Navigation.NavigateTo(PlanLinks.Overview(Code, Year, done) + (fragment is null ? "" : "#" + fragment));
}

/// <summary>The PAT pages' addresses; every one names the year, so a link never jumps to another year's plan.</summary>
public static class PlanLinks
{
    public static string Overview(string code, int year, string? done = null) => $"/pat/{code}?anio={year}" + Done(done);

    public static string Objective(string code, int year, Guid id) => $"/pat/{code}/objetivo/{id}?anio={year}";

    public static string Action(string code, int year, Guid id) => $"/pat/{code}/accion/{id}?anio={year}";

    public static string Proposals(string code, int year, string? done = null) => $"/pat/{code}/propuestas?anio={year}" + Done(done);

    public static string Versions(string code, int year, int? version = null, string? done = null) =>
        $"/pat/{code}/versiones?anio={year}" + (version is { } v ? $"&version={v}" : "") + Done(done);

    private static string Done(string? done) => done is null ? "" : $"&hecho={Uri.EscapeDataString(done)}";
}
