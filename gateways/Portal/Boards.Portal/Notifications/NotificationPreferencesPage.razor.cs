using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Boards.Portal.Notifications;

public partial class NotificationPreferencesPage
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }

    [SupplyParameterFromForm(FormName = "preferences")] public PreferencesForm? Prefs { get; set; }

    private ApiResult<NotificationPreferencesView>? _preferences;
    private string? _error;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    protected override async Task OnInitializedAsync()
    {
        _preferences = await Api.PreferencesAsync();
        // On a post the form keeps what was sent; on a get it starts from what Notifications has.
        Prefs ??= _preferences.IsOk ? PreferencesForm.From(_preferences.Value!) : new PreferencesForm();
        switch (_preferences.Outcome)
        {
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                break;
            case ApiOutcome.Forbidden:
                PageAnswer.Forbidden(HttpContext);
                break;
        }
    }

    private async Task SaveAsync()
    {
        if (string.IsNullOrWhiteSpace(Prefs!.DigestTime))
        {
            _errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["digestTime"] = [L["Notif_Prefs.TimeRequired"]] };
            _error = L["Notif_Prefs.FixErrors"];
            return;
        }

        var result = await Api.SavePreferencesAsync(Prefs.Body());
        switch (result.Outcome)
        {
            case ApiOutcome.Ok:
                Navigation.NavigateTo("/notificaciones/preferencias?hecho=guardadas");
                return;
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Invalid:
                _errors = result.FieldErrors;
                _error = L["Notif_Prefs.FixErrors"];
                return;
            case ApiOutcome.Forbidden:
                _error = L["Notif_List.Forbidden"];
                return;
            default:
                _error = L["Notif_Prefs.NotSaved"];
                return;
        }
    }

    /// <summary>The kind's Spanish title as Notifications gives it; the portal's own name while Notifications does not answer.</summary>
    private string TitleOf(string kind) =>
        _preferences?.Value?.Kinds.FirstOrDefault(k => k.Kind == kind)?.Title is { Length: > 0 } title ? title : L.Coded("Notif_Kind", kind);

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string Described(string hint, string field) =>
        FieldError.DescribedBy(_errors, field) is { } error ? $"{hint} {error}" : hint;

    /// <summary>Errors for no field of this form (a field Notifications names that the page does not draw): in the banner, never lost.</summary>
    private IEnumerable<string> OtherErrors =>
        _errors.Where(e => !string.Equals(e.Key, "digestTime", StringComparison.OrdinalIgnoreCase)
                && !Prefs!.Kinds.Any(k => string.Equals(e.Key, $"kinds.{k.Kind}", StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => e.Value);
}
