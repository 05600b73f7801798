using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Boards.Portal.Naming;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Needs;

public partial class OfferPage
{
    [Parameter] public string Code { get; set; } = "";
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    [SupplyParameterFromQuery(Name = "filas")] public int? Filas { get; set; }
    [SupplyParameterFromQuery(Name = "nuevos")] public int? Nuevos { get; set; }
    [SupplyParameterFromQuery(Name = "reemplazados")] public int? Reemplazados { get; set; }
    [SupplyParameterFromQuery(Name = "iguales")] public int? Iguales { get; set; }
    [SupplyParameterFromForm(FormName = "add-service")] public ServiceForm? Service { get; set; }
    // No form name: each service has its own capacity form ("capacity-<code>"), all posting the same fields.
    [SupplyParameterFromForm] public CapacityForm? Capacity { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool _allowed;
    /// <summary>An institution officer who serves here (and holds no wider role): their institution's services only.</summary>
    private bool _ownInstitutionOnly;
    private string? _institution;
    private ApiResult<List<OfferServiceView>>? _services;
    private ApiResult<List<NeedCategoryView>>? _categories;
    private ApiResult<List<InstitutionView>>? _institutions;
    private string? _actionError;
    private OfferImportOutcome? _import;
    private string? _failedService;
    private IReadOnlyDictionary<string, string[]> _capacityErrors = new Dictionary<string, string[]>();
    private IReadOnlyDictionary<string, string[]> _serviceErrors = new Dictionary<string, string[]>();

    private string Name => Names.Municipality(Code);

    private string InstitutionName =>
        _institutions is { IsOk: true } && _institutions.Value!.FirstOrDefault(i => i.Code == _institution) is { } institution
            ? institution.Name
            : _institution ?? "";

    private IReadOnlyList<OfferServiceView> Shown =>
        _services is not { IsOk: true } ? []
        : _ownInstitutionOnly ? _services.Value!.Where(s => s.InstitutionCode == _institution).ToList()
        : _services.Value!;

    protected override async Task OnInitializedAsync()
    {
        Service ??= new();
        Capacity ??= new();
        Code = Code.Trim().ToLowerInvariant();
        var user = CurrentUser.From((await AuthenticationState!).User);
        _allowed = user.CanSeeBoard(Code) || user.KeepsOfferIn(Code);
        _ownInstitutionOnly = !user.CanSeeBoard(Code);
        _institution = user.Institution;
        if (!_allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        var names = Names.LoadAsync(NameLists.Municipalities);
        await LoadServicesAsync();
        await names;
        if (_services!.Outcome is ApiOutcome.Unauthorized or ApiOutcome.Forbidden)
        {
            return;
        }

        _categories = await Api.NeedCategoriesAsync();
        _institutions = await Api.InstitutionsAsync();
    }

    private async Task LoadServicesAsync()
    {
        _services = await Api.OfferAsync(Code);
        if (_services.Outcome == ApiOutcome.Unauthorized)
        {
            Navigation.ToSignIn();
        }
        else if (_services.Outcome == ApiOutcome.Forbidden)
        {
            PageAnswer.Forbidden(HttpContext);
        }
    }

    private async Task ChangeCapacityAsync(OfferServiceView service)
    {
        if (!_allowed || Capacity!.Code != service.Code)
        {
            return;
        }

        _failedService = service.Code;
        if (Capacity.PlacesAreNotANumber)
        {
            _capacityErrors = new Dictionary<string, string[]> { ["monthlyCapacity"] = [T["Service.CapacityNumber"]] };
            _actionError = T["FixErrors"];
            return;
        }

        // Only the capacity goes to Needs (PUT …/capacity), with the version this form read.
        var result = await Api.UpdateCapacityAsync(Code, service.Code, Capacity.Body());
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/oferta/{Code}?hecho=capacidad");
            return;
        }

        _capacityErrors = result.FieldErrors;
        if (result.Outcome == ApiOutcome.Conflict)
        {
            // Someone changed the service first: show it as it is now (badge, details, and the new version in the
            // form), and keep what this person typed in the fields so they can check it and save again.
            _actionError = T["Capacity.Conflict", service.Name, result.Detail ?? ""];
            await LoadServicesAsync();
            return;
        }

        Failed(result);
    }

    private async Task AddServiceAsync()
    {
        if (!_allowed || _ownInstitutionOnly)
        {
            return;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(Service!.MonthlyCapacity) && NeedsCodes.Number(Service.MonthlyCapacity) is null)
        {
            errors["monthlyCapacity"] = [T["Service.CapacityNumber"]];
            _serviceErrors = errors;
            _actionError = T["FixErrors"];
            return;
        }

        // The checkboxes post one "category" value each (the text box, when the list is down, comma-separated codes);
        // read straight from the form, since unchecked boxes leave gaps that an indexed list would not bind.
        Service.ChooseCategories(HttpContext?.Request.HasFormContentType == true ? HttpContext.Request.Form["category"].ToArray() : []);
        var result = await Api.AddServiceAsync(Code, Service.Body());
        if (result.IsOk)
        {
            Names.ForgetServices(Code);
            Navigation.NavigateTo($"/oferta/{Code}?hecho=servicio");
            return;
        }

        _serviceErrors = result.FieldErrors;
        Failed(result);
    }

    /// <summary>All or nothing: a summary after redirecting, or every error of the file (line, column, message) here.</summary>
    private async Task ImportAsync()
    {
        if (!_allowed || _ownInstitutionOnly)
        {
            return;
        }

        var file = HttpContext?.Request.HasFormContentType == true ? HttpContext.Request.Form.Files.GetFile("file") : null;
        if (file is null || file.Length == 0)
        {
            _import = new OfferImportOutcome(ApiOutcome.Invalid, null, T["Import.NoFile"], null, []);
            return;
        }

        _import = await OfferImport.SendAsync(HttpClients, Logger, Code, file);
        switch (_import.Outcome)
        {
            case ApiOutcome.Ok:
                var r = _import.Result!;
                Names.ForgetServices(Code);
                Navigation.NavigateTo($"/oferta/{Code}?hecho=importada&filas={r.Rows}&nuevos={r.Created}&reemplazados={r.Updated}&iguales={r.Unchanged}");
                return;
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Unavailable:
                _import = _import with { Title = T["Down.Action"] };
                return;
        }
    }

    private void Failed<TValue>(ApiResult<TValue> result)
    {
        _actionError = result.Outcome switch
        {
            ApiOutcome.Invalid when result.FieldErrors.Count > 0 => T["FixErrors"],
            ApiOutcome.Unavailable => T["Down.Action"],
            _ => result.Detail ?? result.Title ?? T["Down.Action"],
        };
        if (result.Outcome == ApiOutcome.Unauthorized)
        {
            Navigation.ToSignIn();
        }
    }

    private IReadOnlyDictionary<string, string[]>? ErrorsFor(string code) => _failedService == code ? _capacityErrors : null;

    private CapacityForm? PostedFor(string code) => _failedService == code ? Capacity : null;

    private string? Describe(string field, string hint) =>
        FieldError.DescribedBy(_serviceErrors, field) is { } error ? $"{hint} {error}" : hint;

}
