using static Boards.ServiceDays.Domain.ServiceDayStatus;

namespace Boards.ServiceDays.Tests.Domain;

public sealed class ServiceDayLifecycleTests
{
    [Theory]
    [InlineData(Planned, Confirmed)]
    [InlineData(Confirmed, Held)]
    [InlineData(Held, Reported)]
    [InlineData(Reported, Reported)]
    [InlineData(Planned, Cancelled)]
    [InlineData(Confirmed, Cancelled)]
    public void Allowed_moves(ServiceDayStatus from, ServiceDayStatus to) => Assert.True(ServiceDayLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(Planned, Held)]
    [InlineData(Planned, Reported)]
    [InlineData(Confirmed, Reported)]
    [InlineData(Held, Cancelled)]
    [InlineData(Reported, Cancelled)]
    [InlineData(Cancelled, Planned)]
    [InlineData(Cancelled, Confirmed)]
    [InlineData(Held, Confirmed)]
    public void Refused_moves_have_a_Spanish_reason(ServiceDayStatus from, ServiceDayStatus to)
    {
        Assert.False(ServiceDayLifecycle.CanMove(from, to));
        Assert.Contains(from.Spanish(), ServiceDayLifecycle.Refusal(from, to));
    }

    [Fact]
    public void Attendance_is_taken_only_while_confirmed_or_held() =>
        Assert.Equal([Confirmed, Held], Enum.GetValues<ServiceDayStatus>().Where(ServiceDayLifecycle.TakesAttendance));
}
