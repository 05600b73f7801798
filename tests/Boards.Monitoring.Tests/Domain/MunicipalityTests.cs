namespace Boards.Monitoring.Tests.Domain;

public sealed class MunicipalityTests
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_newest_registration_wins_whatever_order_they_arrive_in()
    {
        var municipality = Municipality.Register(new MunicipalityRegistration("itanara", "Itanará", "Canindeyú", 14, T0.AddDays(2)));

        Assert.False(municipality.Update(new MunicipalityRegistration("itanara", "Itanara (viejo)", "Canindeyu", 14, T0)));
        Assert.Equal("Itanará", municipality.Name);

        Assert.True(municipality.Update(new MunicipalityRegistration("itanara", "Itanará del Norte", "Canindeyú", 14, T0.AddDays(3))));
        Assert.Equal("Itanará del Norte", municipality.Name);
        Assert.Equal(T0.AddDays(3), municipality.RegisteredAt);
    }

    [Theory]
    [InlineData("  Alto-Vera ", "alto-vera")]
    [InlineData("CAPIIBARY", "capiibary")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Codes_are_compared_trimmed_and_in_lower_case(string? raw, string expected)
    {
        Assert.Equal(expected, MunicipalityCodes.Normalize(raw));
    }
}
