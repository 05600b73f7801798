using Boards.Testing;

namespace Boards.ServiceDays.Tests.Integration;

/// <summary>Outside Development ServiceDays refuses to start with the attendance hash secret that ships in appsettings.Development.json.</summary>
public sealed class ShippedSecretTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("development-only-service-days-person-key-secret")]
    public void ServiceDays_refuses_to_start_in_Production_without_a_person_key_secret_of_its_own(string? secret) =>
        Assert.Contains("ServiceDays:PersonKeySecret",
            ProductionStart.Refusal<Program>("servicedaysdb", new Dictionary<string, string?> { ["ServiceDays:PersonKeySecret"] = secret }),
            StringComparison.Ordinal);
}
