using System.Text.Json;
using Boards.Portal.Authentication;
using Boards.Portal.Naming;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Portal.ServiceDays.Tablet;

/// <summary>
/// The service day on a tablet without signal (docs/portal-service-days.md, "Sin señal"): the app shell, the day's pack
/// and the sync of what was captured offline. The shell is a static asset (no data in it); the pack and the sync need
/// the person's session and answer 401 (not a redirect to the identity provider), so that the tablet keeps its queue
/// and offers to sign in again.
/// </summary>
public static class TabletEndpoints
{
    /// <summary>The most items one sync request carries (the tablet sends its queue in chunks of this size or less).</summary>
    public const int MaxItemsPerSync = 10;

    /// <summary>A sync request's largest body: ten referrals of the longest texts ServiceDays accepts, with room.</summary>
    public const long MaxSyncBytes = 64 * 1024;

    public const string ShellFile = "jornadas/tableta.html";

    /// <summary>Every byte counts on a rural signal: absent members are left out rather than sent as null.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>GET /jornadas/dia/{id}/tableta: the shell (see the compression note in PortalExtensions).</summary>
    public static bool IsShell(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && http.Request.Path.Value is { } path &&
        path.StartsWith("/jornadas/dia/", StringComparison.Ordinal) && path.EndsWith("/tableta", StringComparison.Ordinal) &&
        path.Count(c => c == '/') == 4;

    public static IEndpointRouteBuilder MapServiceDayTablet(this IEndpointRouteBuilder app)
    {
        // Without a session the first visit goes to sign in; once the service worker has the shell, it opens even then
        // (offline), and the pack's 401 offers to sign in again.
        app.MapGet("/jornadas/dia/{id:guid}/tableta", (Guid id, IWebHostEnvironment environment, HttpContext http) =>
            {
                if (http.User.Identity?.IsAuthenticated != true)
                {
                    return Results.LocalRedirect($"/cuenta/ingresar?returnUrl={Uri.EscapeDataString($"/jornadas/dia/{id}/tableta")}");
                }

                http.Response.Headers.CacheControl = "no-cache";
                return Results.File(environment.WebRootFileProvider.GetFileInfo(ShellFile).CreateReadStream(), "text/html; charset=utf-8");
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/jornadas/dia/{id:guid}/tableta/manifest.webmanifest", (Guid id) => Results.Json(Manifest(id), contentType: "application/manifest+json"))
            .AllowAnonymous().ExcludeFromDescription();

        var tablet = app.MapGroup("/jornadas/dia/{id:guid}/tableta").ExcludeFromDescription().AllowAnonymous()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return context.HttpContext.User.Identity?.IsAuthenticated == true
                    ? await next(context)
                    : Results.Json(new TabletItemAnswer(TabletResults.SignIn), Json, statusCode: StatusCodes.Status401Unauthorized);
            });
        tablet.MapGet("/datos", PackAsync);
        tablet.MapPost("/enviar", SyncAsync).WithMetadata(new RequestSizeLimitAttribute(MaxSyncBytes));
        return app;
    }

    /// <summary>The day's pack, for the focal point of its municipality or the ministry (as the day's page).</summary>
    private static async Task<IResult> PackAsync(Guid id, HttpContext http, BoardsApi api, NameBook names, IAntiforgery antiforgery)
    {
        var user = CurrentUser.From(http.User);
        if (!(user.IsMinistry || user.IsFocalPoint))
        {
            return Refused(StatusCodes.Status403Forbidden, TabletTexts.NotAllowed);
        }

        var day = await api.ServiceDayAsync(id, http.RequestAborted);
        if (day.IsOk && !user.CanSeeBoard(day.Value!.MunicipalityCode))
        {
            return Refused(StatusCodes.Status403Forbidden, TabletTexts.NotAllowed);
        }

        if (!day.IsOk)
        {
            return Failure(day);
        }

        var d = day.Value!;
        var catalog = api.OfferedServicesAsync(d.MunicipalityCode, http.RequestAborted);
        var categories = api.NeedCategoriesAsync(http.RequestAborted);
        await names.LoadAsync(NameLists.Institutions, ct: http.RequestAborted);
        var institutionNames = names.Institutions.ByCode;
        var services = d.Institutions.SelectMany(p => p.Services.Select(s => new TabletService(s.Code, s.Name, p.InstitutionCode))).ToList();
        var pack = new TabletPack(
            new TabletDay(d.Id, d.MunicipalityCode, d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Venue, d.Locality,
                d.Status, d.Version, services,
                new TabletCounts(d.Attendance.PeopleServed, d.Attendance.Batches, d.Referrals.Sent, d.Referrals.Pending + d.Referrals.Failed)),
            [.. ((await catalog).Value ?? []).Select(s => new TabletService(s.Code, s.Name, s.InstitutionCode ?? ""))],
            [.. ((await categories).Value ?? []).Select(c => new TabletName(c.Code, c.Name))],
            [.. institutionNames.OrderBy(i => i.Value, StringComparer.CurrentCulture).Select(i => new TabletName(i.Key, i.Value))],
            new TabletPerson(user.Subject ?? user.UserName, user.Name, user.IsFocalPoint || user.IsMinistryAdmin, antiforgery.GetAndStoreTokens(http).RequestToken ?? ""),
            DateTimeOffset.UtcNow);
        return Results.Json(pack, Json);
    }

    /// <summary>
    /// Sends the items in order, one call each to ServiceDays (their batch and entry ids make a repeat count once), and
    /// answers each one. A 401 stops there: the rest are answered "signin" and stay in the tablet's queue.
    /// </summary>
    private static async Task<IResult> SyncAsync(Guid id, TabletSync sync, HttpContext http, BoardsApi api)
    {
        if (sync.Items is not { Count: > 0 and <= MaxItemsPerSync } items || items.Any(i => i is null || i.Id is not { Length: > 0 and <= 100 } || i.Body.ValueKind != JsonValueKind.Object))
        {
            return Results.Problem(title: TabletTexts.BadSync, statusCode: StatusCodes.Status400BadRequest);
        }

        var answers = new List<TabletSyncAnswer>(items.Count);
        var signedOut = false;
        foreach (var item in items)
        {
            var answer = signedOut ? new TabletItemAnswer(TabletResults.SignIn) : await SendAsync(api, id, item!, http.RequestAborted);
            signedOut |= answer.Result == TabletResults.SignIn;
            answers.Add(new TabletSyncAnswer(item!.Id!, answer));
        }

        return Results.Json(new { items = answers }, Json);
    }

    private static Task<TabletItemAnswer> SendAsync(BoardsApi api, Guid id, TabletSyncItem item, CancellationToken ct) => item.Kind switch
    {
        "attendance" => TabletSender.AttendanceAsync(api, id, item.Body, ct),
        "referral" => TabletSender.ReferralAsync(api, id, item.Body, ct),
        _ => Task.FromResult(new TabletItemAnswer(TabletResults.Refused, TabletTexts.UnknownKind)),
    };

    private static IResult Failure<T>(ApiResult<T> result) => result.Outcome switch
    {
        ApiOutcome.Unauthorized => Results.Json(new TabletItemAnswer(TabletResults.SignIn), Json, statusCode: StatusCodes.Status401Unauthorized),
        ApiOutcome.Forbidden => Refused(StatusCodes.Status403Forbidden, TabletTexts.NotAllowed),
        ApiOutcome.NotFound => Refused(StatusCodes.Status404NotFound, TabletTexts.DayNotFound),
        _ => Results.Json(new TabletItemAnswer(TabletResults.Unavailable, TabletTexts.Unavailable), Json, statusCode: StatusCodes.Status503ServiceUnavailable),
    };

    private static IResult Refused(int status, string message) => Results.Json(new TabletItemAnswer(TabletResults.Refused, message), Json, statusCode: status);

    private static object Manifest(Guid id) => new
    {
        name = "Boards · Jornada de servicios",
        short_name = "Jornada",
        description = "Registro de asistencia y referencias de una jornada de servicios, también sin señal.",
        lang = "es-PY",
        start_url = $"/jornadas/dia/{id}/tableta",
        scope = "/jornadas/dia/",
        display = "standalone",
        background_color = "#ffffff",
        theme_color = "#1f4e79",
        icons = new[] { new { src = "/jornadas/icono.svg", sizes = "any", type = "image/svg+xml", purpose = "any" } },
    };
}

public sealed record TabletSync(IReadOnlyList<TabletSyncItem?>? Items);

/// <summary>One queued item: an attendance batch or one referral entry, in ServiceDays' own JSON.</summary>
public sealed record TabletSyncItem(string? Id, string? Kind, JsonElement Body);

/// <summary>An item's answer: its id and the answer's members, flat (<c>{ "id", "result", "message", ... }</c>).</summary>
public sealed record TabletSyncAnswer(string Id, [property: System.Text.Json.Serialization.JsonIgnore] TabletItemAnswer Answer)
{
    public string Result => Answer.Result;
    public string? Message => Answer.Message;
    public IReadOnlyDictionary<string, string[]>? Fields => Answer.Fields;
    public int? PeopleServed => Answer.PeopleServed;
    public bool? Replayed => Answer.Replayed;
}
