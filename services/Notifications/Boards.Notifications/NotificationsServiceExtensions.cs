using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Notifications.Api.Rest;
using Boards.Notifications.Consumers;
using Boards.Notifications.Features.Announce;
using Boards.Notifications.Features.Common;
using Boards.Notifications.Features.Deadlines;
using Boards.Notifications.Features.DeliveryProblems;
using Boards.Notifications.Features.Digest;
using Boards.Notifications.Features.Directory;
using Boards.Notifications.Features.Email;
using Boards.Notifications.Features.FanOut;
using Boards.Notifications.Features.Inbox;
using Boards.Notifications.Features.Preferences;
using Boards.Notifications.Features.ReferralEvents;
using Boards.Notifications.Features.Reminders;
using Boards.ServiceDefaults;

namespace Boards.Notifications;

public static class NotificationsServiceExtensions
{
    public static WebApplicationBuilder AddNotificationsService(this WebApplicationBuilder builder)
    {
        var receiveEndpoint = builder.Configuration["Notifications:ReceiveEndpoint"] is { Length: > 0 } configured
            ? configured
            : ConsumerRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<NotificationsDbContext>("notifications", bus => bus.AddNotificationsConsumers(receiveEndpoint));
        builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");

        builder.Services.AddSingleton(Institutions.FromSeed());
        builder.Services.AddOptions<MunicipalityNamesOptions>().BindConfiguration(MunicipalityNamesOptions.Section);
        builder.Services.AddSingleton<MunicipalityNames>();
        builder.Services.AddScoped<Names>();
        builder.Services.AddScoped<Announcer>();
        builder.Services.AddScoped<ReferralAnnouncements>();
        builder.Services.AddPeopleDirectory(builder.Configuration, builder.Environment);

        builder.Services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        builder.Services.AddSingleton<ReferralEventWorks>();
        builder.Services.AddPeriodicPass<DeadlineSweep, DeadlineOptions>("Deadline sweep", options => options.SweepInterval);

        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        builder.Services.AddPeriodicPass<RemindersSweep, ReminderOptions>("Reminders sweep", options => options.SweepInterval);

        builder.Services.AddOptions<FanOutOptions>().BindConfiguration(FanOutOptions.Section);
        builder.Services.AddPeriodicPass<FanOut, FanOutOptions>("Fan-out", options => options.Interval);

        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section);
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddSingleton<EmailTemplates>();
        builder.Services.AddScoped<EmailDispatcher>();
        builder.Services.AddScoped<DigestSender>();
        builder.Services.AddPeriodicPass<EmailPass, EmailOptions>("E-mail", options => options.PollInterval);

        builder.Services.AddScoped<InboxHandler>();
        builder.Services.AddScoped<PreferencesHandler>();
        builder.Services.AddScoped<DeliveryProblemsHandler>();

        builder.Services.AddBoardsApi("notifications");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        return builder;
    }

    public static async Task<WebApplication> MapNotificationsServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<NotificationsDbContext>(
            (services, ct) => services.SeedMunicipalitiesAsync<NotificationsDbContext, Municipality>(ct));

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapNotificationEndpoints();
        app.MapPreferenceEndpoints();
        app.MapDeliveryProblemEndpoints();
        app.MapMessagingAdminEndpoints<NotificationsDbContext>("/api/notifications");
        return app;
    }
}
