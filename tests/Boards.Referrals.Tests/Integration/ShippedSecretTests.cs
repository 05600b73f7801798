namespace Boards.Referrals.Tests.Integration;

/// <summary>
/// Reported: the default person-key secret worked in Production, which makes every person_key on the events reversible
/// to a document number by anyone who reads the repository. Outside Development the service refuses to start without a
/// secret of its own, and names the setting.
/// </summary>
public sealed class ShippedSecretTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("development-only-person-key-secret")]
    public void Referrals_refuses_to_start_in_Production_without_a_person_key_secret_of_its_own(string? secret) =>
        Assert.Contains("Referrals:PersonKeySecret",
            ProductionStart.Refusal<Program>("referralsdb", new Dictionary<string, string?> { ["Referrals:PersonKeySecret"] = secret }),
            StringComparison.Ordinal);
}
