using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Planning.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Boards.Planning.Consumers;

/// <summary>
/// Keeps the municipality replica in step with Membership's registry. The inbox (base class) drops a redelivery; an
/// announcement older than the one a row already reflects is ignored, so the newest OccurredAt wins in any order.
/// The boot snapshot (RegisteredAt null) always gives way.
/// </summary>
public sealed class MunicipalityRegisteredConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<MunicipalityRegistered, PlanningDbContext>(db, clock)
{
    protected override async Task HandleAsync(MunicipalityRegistered message, ConsumeContext<MunicipalityRegistered> context)
    {
        var code = message.Code.Trim().ToLowerInvariant();
        if (code.Length == 0)
        {
            throw new InvalidOperationException("MunicipalityRegistered arrived without a code.");
        }

        var name = message.Name.Trim();
        var department = message.Department.Trim();
        var status = message.Status.Trim();
        var registeredAt = message.OccurredAt.ToUniversalTime();

        // One statement, so two announcements of a new code racing each other cannot both insert.
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO municipalities ("Code", "Name", "Department", "DepartmentNumber", "Status", "RegisteredAt")
            VALUES ({code}, {name}, {department}, {message.DepartmentNumber}, {status}, {registeredAt})
            ON CONFLICT ("Code") DO UPDATE SET
                "Name" = EXCLUDED."Name",
                "Department" = EXCLUDED."Department",
                "DepartmentNumber" = EXCLUDED."DepartmentNumber",
                "Status" = EXCLUDED."Status",
                "RegisteredAt" = EXCLUDED."RegisteredAt"
            WHERE municipalities."RegisteredAt" IS NULL OR municipalities."RegisteredAt" < EXCLUDED."RegisteredAt"
            """, context.CancellationToken);
    }
}
