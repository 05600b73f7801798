using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Boards.Portal.Board.Sessions;

/// <summary>One agreement row of the session form: what, who answers for it (an institution code), by when.</summary>
public sealed class AgreementRow
{
    public string? What { get; set; }
    public string? ResponsibleInstitution { get; set; }
    public string? DueOn { get; set; }

    public bool IsFilled => !string.IsNullOrWhiteSpace(What) || !string.IsNullOrWhiteSpace(ResponsibleInstitution) || !string.IsNullOrWhiteSpace(DueOn);
}

/// <summary>
/// What the session form posts: date, agenda, minutes, attendance and agreements when recording; minutes and attendance
/// when correcting a draft (the only parts Membership lets change). The attendance is checkboxes named
/// "{prefix}.Attendees" whose values are membership ids, read from the raw form since unchecked boxes send nothing.
/// Empty agreement rows are not sent; <see cref="AddAgreement"/> is the "add another" button, which only adds a row.
/// </summary>
public sealed partial class SessionForm
{
    /// <summary>Empty agreement rows the form always offers below the filled ones.</summary>
    public const int EmptyAgreementRows = 2;

    public string? Date { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public long Version { get; set; }
    /// <summary>The session as the correction form was opened (<see cref="SessionSnapshot"/>), to say what changed meanwhile.</summary>
    public string? Seen { get; set; }
    public bool AddAgreement { get; set; }

    private List<AgreementRow> _agreements = [];
    private List<string> _attendees = [];

    [AllowNull]
    public List<AgreementRow> Agreements
    {
        get => _agreements;
        set => _agreements = value ?? [];
    }

    /// <summary>Membership ids of the members ticked as present. Never null: no box ticked posts nothing.</summary>
    [AllowNull]
    public List<string> Attendees
    {
        get => _attendees;
        set => _attendees = value ?? [];
    }

    /// <summary>The ticked members of a post ("{prefix}.Attendees", one value per box).</summary>
    public void ReadAttendees(HttpContext? http, string prefix)
    {
        if (http is { Request.HasFormContentType: true } && http.Request.Form.TryGetValue(prefix + ".Attendees", out var ticked))
        {
            Attendees = [.. ticked.OfType<string>().Where(id => id.Length > 0).Distinct()];
        }
    }

    /// <summary>
    /// The rows as posted, at least <see cref="EmptyAgreementRows"/>, one more when "add another" was pressed, and always
    /// an empty one after the last filled row.
    /// </summary>
    public void PadAgreements()
    {
        var lastFilled = Agreements.FindLastIndex(a => a.IsFilled);
        var wanted = Math.Max(Math.Max(Agreements.Count, EmptyAgreementRows) + (AddAgreement ? 1 : 0), lastFilled + 2);
        while (Agreements.Count < wanted)
        {
            Agreements.Add(new AgreementRow());
        }
    }

    /// <summary>The rows that say something, with their position on the form: agreements[i] of the API is Filled()[i].</summary>
    public IReadOnlyList<(int Row, AgreementRow Value)> Filled() =>
        Agreements.Select((row, index) => (index, row)).Where(r => r.row.IsFilled).ToList();

    /// <summary>The body of POST /api/boards/{code}/sessions: recorded as a draft, to be corrected and closed from its page.</summary>
    public object RecordBody() => new
    {
        date = MemberCodes.Empty(Date),
        agenda = MemberCodes.Empty(Agenda),
        minutes = MemberCodes.Empty(Minutes),
        attendees = Attendees,
        agreements = Filled().Select(r => new
        {
            what = MemberCodes.Empty(r.Value.What),
            responsibleInstitution = MemberCodes.Empty(r.Value.ResponsibleInstitution),
            dueOn = MemberCodes.Empty(r.Value.DueOn),
        }).ToList(),
    };

    /// <summary>The body of PATCH …/sessions/{id}: minutes (blank clears them) and attendance, with the version seen.</summary>
    public object CorrectBody() => new { minutes = Minutes?.Trim() ?? "", attendees = Attendees, expectedVersion = Version };

    /// <summary>A draft as the correction form starts.</summary>
    public static SessionForm From(SessionView session) => new()
    {
        Date = session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Agenda = session.Agenda,
        Minutes = session.Minutes,
        Attendees = [.. session.Attendees.Select(a => a.ToString())],
        Version = session.Version,
        Seen = SessionSnapshot.Write(session),
    };

    /// <summary>
    /// Membership's field names as the form's: <c>agreements[i].what</c> → <c>agreement{row}.what</c> (the i-th filled
    /// row) and <c>attendees[i]</c> → <c>attendee.{id}</c> (the i-th member ticked); the rest as they come.
    /// </summary>
    public Dictionary<string, string[]> FormErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var filled = Filled();
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, messages) in errors)
        {
            var key = field;
            if (AgreementField().Match(field) is { Success: true } agreement && int.Parse(agreement.Groups[1].Value, CultureInfo.InvariantCulture) is var i
                && i < filled.Count)
            {
                key = $"agreement{filled[i].Row}" + (agreement.Groups[2].Success ? "." + agreement.Groups[2].Value : "");
            }
            else if (AttendeeField().Match(field) is { Success: true } attendee && int.Parse(attendee.Groups[1].Value, CultureInfo.InvariantCulture) is var j
                     && j < Attendees.Count)
            {
                key = AttendeeKey(Attendees[j]);
            }

            result[key] = [.. result.GetValueOrDefault(key, []), .. messages];
        }

        return result;
    }

    public static string AttendeeKey(string memberId) => "attendee." + memberId;

    /// <summary>
    /// The messages of fields the form has no place for (a field Membership names that the form does not show), so that
    /// the banner still says them; the rest show next to their fields.
    /// </summary>
    public static IReadOnlyList<string> Unplaced(IReadOnlyDictionary<string, string[]>? errors) =>
        errors is null ? [] : errors.Where(e => !PlacedField().IsMatch(e.Key)).SelectMany(e => e.Value).ToList();

    [GeneratedRegex(@"^agreements\[(\d+)\](?:\.(\w+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AgreementField();

    [GeneratedRegex(@"^attendees\[(\d+)\]$", RegexOptions.IgnoreCase)]
    private static partial Regex AttendeeField();

    [GeneratedRegex(@"^(date|agenda|minutes|attendees|agreements|status|attendee\..+|agreement\d+(\.(what|responsibleInstitution|dueOn))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlacedField();
}

/// <summary>Closing the minutes, or moving an agreement to <see cref="Status"/>: the version and snapshot the page was rendered with.</summary>
public sealed class SessionChangeForm
{
    public string? Status { get; set; }
    public long Version { get; set; }
    public string? Seen { get; set; }
}
