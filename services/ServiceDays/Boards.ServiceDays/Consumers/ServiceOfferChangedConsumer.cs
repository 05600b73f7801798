using Boards.BuildingBlocks.Inbox;
using Boards.Needs.Contracts.Events;
using MassTransit;

namespace Boards.ServiceDays.Consumers;

/// <summary>
/// Keeps the offer catalog replica: one row per (municipality, service code), the highest Version wins, so events may
/// arrive in any order. The inbox (base class) drops a redelivery.
/// </summary>
public sealed class ServiceOfferChangedConsumer(ServiceDaysDbContext db, TimeProvider clock)
    : IdempotentConsumer<ServiceOfferChanged, ServiceDaysDbContext>(db, clock)
{
    protected override string InboxName => "ServiceOfferChangedConsumer";

    protected override async Task HandleAsync(ServiceOfferChanged message, ConsumeContext<ServiceOfferChanged> context)
    {
        var municipality = message.MunicipalityCode.Trim().ToLowerInvariant();
        var service = message.ServiceCode.Trim().ToLowerInvariant();
        if (municipality.Length == 0 || service.Length == 0)
        {
            throw new InvalidOperationException("ServiceOfferChanged arrived without a municipality or service code.");
        }

        var categories = message.Categories.ToArray();
        var institution = message.InstitutionCode.Trim().ToLowerInvariant();
        var changedAt = message.OccurredAt.ToUniversalTime();
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO catalog_services ("MunicipalityCode", "ServiceCode", "Name", "Program", "InstitutionCode", "Channel",
                                          "Categories", "CapacityStatus", "Version", "ChangedAt")
            VALUES ({municipality}, {service}, {message.Name}, {message.Program}, {institution}, {message.Channel},
                    {categories}, {message.CapacityStatus}, {message.Version}, {changedAt})
            ON CONFLICT ("MunicipalityCode", "ServiceCode") DO UPDATE SET
                "Name" = EXCLUDED."Name",
                "Program" = EXCLUDED."Program",
                "InstitutionCode" = EXCLUDED."InstitutionCode",
                "Channel" = EXCLUDED."Channel",
                "Categories" = EXCLUDED."Categories",
                "CapacityStatus" = EXCLUDED."CapacityStatus",
                "Version" = EXCLUDED."Version",
                "ChangedAt" = EXCLUDED."ChangedAt"
            WHERE catalog_services."Version" < EXCLUDED."Version"
            """, context.CancellationToken);
    }
}
