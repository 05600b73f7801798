namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>
/// What a referral does with the catalog's answer: a service that is not offered is refused; a waitlist or a full
/// service is sent with a warning and flagged waitlisted; when the catalog could not be asked, the referral goes
/// through marked not verified, because nobody may be blocked by an outage.
/// </summary>
public static class AvailabilityPolicy
{
    public const string WaitlistWarning =
        "La referencia se registró en lista de espera: avise a la persona que la atención puede demorar.";

    public static AvailabilityCheck Decide(AvailabilityAnswer answer, string municipalityCode, string serviceCode, DateTimeOffset now)
    {
        if (!answer.Verified)
        {
            return new AvailabilityCheck { Verification = AvailabilityVerification.NotVerified, Message = answer.Message, CheckedAt = now };
        }

        if (!answer.Offered)
        {
            throw new ServiceNotOfferedException(serviceCode, municipalityCode, answer.Message);
        }

        var waitlisted = answer.CapacityStatus is "waitlist" or "full";
        return new AvailabilityCheck
        {
            Verification = AvailabilityVerification.Verified,
            CapacityStatus = answer.CapacityStatus,
            WaitlistBand = answer.CapacityStatus == "waitlist" ? answer.WaitlistBand : null,
            Waitlisted = waitlisted,
            Message = waitlisted ? $"{answer.Message} {WaitlistWarning}" : answer.Message,
            CheckedAt = now,
        };
    }
}
