using System.Globalization;

namespace Boards.Portal.Referrals;

/// <summary>What one of the referral page's action forms posts (each form uses the fields its action needs).</summary>
public sealed class TransitionForm
{
    public long Version { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public bool Attended { get; set; } = true;
    public DateOnly? AttendedOn { get; set; }
    public string? Outcome { get; set; }
    public string? ServicesDelivered { get; set; }
    public bool FollowUpRecommended { get; set; }
    public string? FollowUpNote { get; set; }

    /// <summary>The JSON body of the action (see docs/referrals.md).</summary>
    public object Body(string action) => action switch
    {
        "reject" => new { reason = Empty(Reason), note = Empty(Note), expectedVersion = Version },
        "cancel" => new { reason = Empty(Reason), note = Empty(Note), expectedVersion = Version },
        "counter-referral" => new
        {
            expectedVersion = Version,
            counterReferral = new
            {
                attended = Attended,
                attendedOn = Attended ? AttendedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                outcome = Empty(Outcome),
                servicesDelivered = (ServicesDelivered ?? "")
                    .Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(code => code.ToLowerInvariant())
                    .ToArray(),
                notes = Empty(Note),
                followUpRecommended = FollowUpRecommended,
                followUpNote = FollowUpRecommended ? Empty(FollowUpNote) : null,
            },
        },
        _ => new { expectedVersion = Version, note = Empty(Note) },
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
