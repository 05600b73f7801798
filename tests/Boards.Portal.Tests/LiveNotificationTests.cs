using System.Security.Claims;
using Boards.Portal.Authentication;
using Boards.Portal.Live;

namespace Boards.Portal.Tests;

/// <summary>
/// The live topic "notificaciones" is one person's own: only the person whose <c>sub</c> the signal names hears it,
/// whatever their role, and it reaches only a stream that asked for that topic.
/// </summary>
public sealed class LiveNotificationTests
{
    private static CurrentUser Person(string? subject, string role, string? municipality = null, string? institution = null)
    {
        var claims = new List<Claim> { new(PortalClaims.Role, role) };
        if (subject is not null)
        {
            claims.Add(new Claim(PortalClaims.Subject, subject));
        }

        if (municipality is not null)
        {
            claims.Add(new Claim(PortalClaims.Municipality, municipality));
        }

        if (institution is not null)
        {
            claims.Add(new Claim(PortalClaims.Institution, institution));
        }

        return CurrentUser.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    private static LiveSignal NotificationFor(params string[] subjects) =>
        new(LiveTopics.Notifications, [], []) { Subjects = subjects };

    [Fact]
    public void The_subject_is_read_from_the_sub_claim()
    {
        Assert.Equal("6b1f0c2e", Person("6b1f0c2e", CurrentUser.FocalPoint, "pilar").Subject);
        Assert.Null(Person(null, CurrentUser.FocalPoint, "pilar").Subject);
    }

    [Fact]
    public void The_person_whose_sub_is_listed_hears_their_notification_signal()
    {
        Assert.True(LiveStream.Concerns(Person("sub-focal-pilar", CurrentUser.FocalPoint, "pilar"), NotificationFor("sub-other", "sub-focal-pilar")));
        Assert.True(LiveStream.Concerns(Person("sub-officer", CurrentUser.Officer, institution: "mspbs"), NotificationFor("sub-officer")));
    }

    [Fact]
    public void Another_person_does_not_hear_it_not_even_the_ministry_or_someone_of_the_same_municipality()
    {
        var signal = NotificationFor("sub-focal-pilar");

        Assert.False(LiveStream.Concerns(Person("sub-other-focal", CurrentUser.FocalPoint, "pilar"), signal));
        Assert.False(LiveStream.Concerns(Person("sub-admin", CurrentUser.Admin), signal));
        Assert.False(LiveStream.Concerns(Person("sub-analyst", CurrentUser.Analyst), signal));
        Assert.False(LiveStream.Concerns(Person(null, CurrentUser.FocalPoint, "pilar"), signal));
        Assert.False(LiveStream.Concerns(Person("SUB-FOCAL-PILAR", CurrentUser.FocalPoint, "pilar"), signal));
        Assert.False(LiveStream.Concerns(Person("sub-focal-pilar", CurrentUser.FocalPoint, "pilar"), NotificationFor()));
    }

    [Fact]
    public void A_listed_subject_grants_nothing_in_another_topic_and_the_other_topics_keep_their_scope()
    {
        var focal = Person("sub-focal-pilar", CurrentUser.FocalPoint, "pilar");

        Assert.False(LiveStream.Concerns(focal, new LiveSignal(LiveTopics.Referrals, ["alto-vera"], ["mspbs"]) { Subjects = ["sub-focal-pilar"] }));
        Assert.True(LiveStream.Concerns(focal, new LiveSignal(LiveTopics.Referrals, ["pilar"], ["mspbs"])));
        Assert.True(LiveStream.Concerns(Person("sub-analyst", CurrentUser.Analyst), new LiveSignal(LiveTopics.Warnings, ["alto-vera"], [])));
    }

    [Fact]
    public void A_stream_passes_on_only_the_topics_it_asked_for()
    {
        var focal = Person("sub-focal-pilar", CurrentUser.FocalPoint, "pilar");
        var feed = new LiveFeed();
        using var inboxOnly = feed.Subscribe(signal => LiveStream.Wants([LiveTopics.Referrals], focal, signal));
        using var inboxAndBell = feed.Subscribe(signal => LiveStream.Wants([LiveTopics.Referrals, LiveTopics.Notifications], focal, signal));
        using var someoneElse = feed.Subscribe(signal => LiveStream.Wants([LiveTopics.Notifications], Person("sub-x", CurrentUser.FocalPoint, "pilar"), signal));

        feed.Publish(NotificationFor("sub-focal-pilar"));

        Assert.False(inboxOnly.Reader.TryRead(out _));
        Assert.True(inboxAndBell.Reader.TryRead(out var heard));
        Assert.Equal(LiveTopics.Notifications, heard!.Topic);
        Assert.False(someoneElse.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData("notificaciones", new[] { "notificaciones" })]
    [InlineData("referencias,notificaciones", new[] { "referencias", "notificaciones" })]
    [InlineData("alertas, notificaciones,alertas", new[] { "alertas", "notificaciones" })]
    public void A_stream_may_carry_several_known_topics(string topics, string[] expected) =>
        Assert.Equal(expected, LiveTopics.Parse(topics));

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("referencias,otra")]
    [InlineData("Notificaciones")]
    public void An_unknown_topic_is_refused(string topics) => Assert.Null(LiveTopics.Parse(topics));
}
