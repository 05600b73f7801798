using System.Text.Json;

namespace Boards.Portal.ServiceDays.Tablet;

/// <summary>
/// One queued item to ServiceDays, with the person's token, and its answer in the tablet's words. Field errors keep
/// ServiceDays' names, without a referral's <c>entries[0].</c>, so the tablet puts each reason next to its field.
/// </summary>
public static class TabletSender
{
    public static async Task<TabletItemAnswer> AttendanceAsync(BoardsApi api, Guid dayId, JsonElement batch, CancellationToken ct)
    {
        var result = await api.RecordAttendanceAsync(dayId, batch, ct);
        return result.IsOk
            ? new TabletItemAnswer(TabletResults.Sent, PeopleServed: result.Value!.PeopleServed, Replayed: result.Value.Replayed)
            : Failure(result, oneEntry: false);
    }

    public static async Task<TabletItemAnswer> ReferralAsync(BoardsApi api, Guid dayId, JsonElement entry, CancellationToken ct)
    {
        var result = await api.SendDayReferralsAsync(dayId, new { entries = new[] { entry } }, ct);
        if (!result.IsOk)
        {
            return Failure(result, oneEntry: true);
        }

        if (result.Value!.Entries is not [var answer, ..])
        {
            return new TabletItemAnswer(TabletResults.Unavailable, TabletTexts.Unavailable);
        }

        return (answer.Status, answer.FailureKind) switch
        {
            ("sent", _) => new TabletItemAnswer(TabletResults.Sent, answer.Outcome),
            ("failed", "service_not_offered") => new TabletItemAnswer(TabletResults.Catalog, answer.Error),
            ("failed", "refused") => new TabletItemAnswer(TabletResults.Refused, answer.Error),
            ("expired", _) => new TabletItemAnswer(TabletResults.Refused, answer.Error),
            // Pending, or not delivered for a reason that may pass: ServiceDays keeps it, and the day's page retries it.
            _ => new TabletItemAnswer(TabletResults.Held, answer.Error),
        };
    }

    private static TabletItemAnswer Failure<T>(ApiResult<T> result, bool oneEntry) => result.Outcome switch
    {
        ApiOutcome.Unauthorized => new TabletItemAnswer(TabletResults.SignIn),
        ApiOutcome.Invalid => new TabletItemAnswer(TabletResults.Refused, result.Title ?? TabletTexts.Refused, oneEntry ? DayReferralForm.Errors(result.FieldErrors) : result.FieldErrors),
        ApiOutcome.Forbidden => new TabletItemAnswer(TabletResults.Refused, TabletTexts.NotAllowed),
        ApiOutcome.NotFound => new TabletItemAnswer(TabletResults.Refused, TabletTexts.DayNotFound),
        ApiOutcome.Conflict => new TabletItemAnswer(TabletResults.Refused, result.Detail ?? result.Title ?? TabletTexts.Refused),
        _ => new TabletItemAnswer(TabletResults.Unavailable, TabletTexts.Unavailable),
    };
}
