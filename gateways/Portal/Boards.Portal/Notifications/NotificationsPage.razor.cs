using System.Globalization;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Boards.Portal.Notifications;

public partial class NotificationsPage
{
    private const string UnreadFilter = "sin-leer";

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "estado")] public string? Estado { get; set; }
    [SupplyParameterFromQuery(Name = "pagina")] public int? Pagina { get; set; }
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    [SupplyParameterFromQuery(Name = "marcadas")] public int? Marcadas { get; set; }

    [SupplyParameterFromForm(FormName = "mark-read")] public MarkReadForm? Read { get; set; }

    private ApiResult<NotificationPage>? _page;
    private string? _error;

    private bool UnreadOnly => Estado == UnreadFilter;

    private int CurrentPage => Math.Max(1, Pagina ?? 1);

    protected override async Task OnInitializedAsync()
    {
        Read ??= new();
        _page = await Api.NotificationsAsync(UnreadOnly, CurrentPage);
        switch (_page.Outcome)
        {
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                break;
            case ApiOutcome.Forbidden:
                PageAnswer.Forbidden(HttpContext);
                break;
        }
    }

    private async Task MarkReadAsync()
    {
        if (!Guid.TryParse(Read?.Id, out var id))
        {
            _error = L["Notif_List.NotFound"];
            return;
        }

        var result = await Api.MarkReadAsync(id);
        if (result.IsOk)
        {
            Done("hecho=leida");
        }
        else if (result.Outcome == ApiOutcome.NotFound)
        {
            // Someone else's, or gone: Notifications answers 404 for both; the list shows what there is now.
            _error = L["Notif_List.NotFound"];
        }
        else
        {
            Failed(result.Outcome);
        }
    }

    private async Task MarkAllAsync()
    {
        var result = await Api.MarkAllReadAsync();
        if (result.IsOk)
        {
            Done("hecho=todas&marcadas=" + (result.Value?.Marked ?? 0).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Failed(result.Outcome);
        }
    }

    /// <summary>Post/redirect/get: back to the same filter and page, with the notice.</summary>
    private void Done(string notice)
    {
        var url = Url(UnreadOnly, CurrentPage);
        Navigation.NavigateTo(url + (url.Contains('?') ? "&" : "?") + notice);
    }

    private void Failed(ApiOutcome outcome)
    {
        if (outcome == ApiOutcome.Unauthorized)
        {
            Navigation.ToSignIn();
            return;
        }

        _error = outcome == ApiOutcome.Forbidden ? L["Notif_List.Forbidden"] : L["Notif_List.NotMarked"];
    }

    private string? Notice => Hecho switch
    {
        "leida" => L["Notif_List.DoneOne"].Value,
        "todas" when Marcadas == 1 => L["Notif_List.DoneAllOne"].Value,
        "todas" => L["Notif_List.DoneAll", Marcadas ?? 0].Value,
        _ => null,
    };

    private string UnreadText(int unread) => unread switch
    {
        0 => L["Notif_List.NoneUnread"],
        1 => L["Notif_List.OneUnread"],
        _ => L["Notif_List.ManyUnread", unread],
    };

    public static string Url(bool unreadOnly, int page)
    {
        var query = new List<string>();
        if (unreadOnly)
        {
            query.Add("estado=" + UnreadFilter);
        }

        if (page > 1)
        {
            query.Add("pagina=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "/notificaciones" : "/notificaciones?" + string.Join('&', query);
    }

    /// <summary>
    /// A notification's link is a path in the portal (<c>/referencias/{id}</c>); anything else (another site, a script)
    /// is not drawn as a link.
    /// </summary>
    public static string? SafeLink(string? link) =>
        !string.IsNullOrWhiteSpace(link) && PortalExtensions.LocalUrl(link.Trim()) is var local && local == link.Trim() ? local : null;
}
