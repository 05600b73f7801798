namespace Boards.Monitoring.Tests.Domain;

public sealed class FocalPointTermTests
{
    private static readonly Guid Term = Guid.CreateVersion7();
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    private static FocalPointAccessReading Access(string access, DateTimeOffset at) => new(Term, "pilar", Guid.Empty, access, at);

    [Fact]
    public void The_newest_access_wins_whatever_order_they_arrive_in_and_the_appointment_keeps_its_own_newest_version()
    {
        var term = FocalPointTerm.From(Access("granted", T0.AddMinutes(1)));

        Assert.False(term.Apply(Access("pending", T0)));
        Assert.False(term.Apply(Access("granted", T0.AddMinutes(1))));
        Assert.True(term.Apply(new FocalPointAppointment(Term, "pilar", Guid.Empty, 4, new DateOnly(2026, 2, 1))));
        Assert.False(term.Apply(new FocalPointAppointment(Term, "pilar", Guid.Empty, 4, new DateOnly(2026, 2, 1))));
        Assert.True(term.Apply(Access("revoked", T0.AddMinutes(2))));

        Assert.Equal(("revoked", 4L, new DateOnly(2026, 2, 1)), (term.Access, term.BoardVersion!.Value, term.StartsOn!.Value));
    }

    [Theory]
    [InlineData(true, "granted", true)]
    [InlineData(true, "pending", false)]
    [InlineData(true, null, false)]
    [InlineData(false, null, false)]
    public void Only_an_appointed_focal_point_whose_access_was_granted_counts_as_having_access(bool appointed, string? access, bool granted) =>
        Assert.Equal(granted, new FocalPointStatus(appointed, access, null).AccessGranted);
}
