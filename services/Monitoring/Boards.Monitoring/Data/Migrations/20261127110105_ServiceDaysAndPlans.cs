using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceDaysAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "municipality_plans",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approved_version = table.Column<int>(type: "integer", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    progress = table.Column<decimal>(type: "numeric", nullable: false),
                    action_count = table.Column<int>(type: "integer", nullable: false),
                    figures_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    overdue_actions = table.Column<int>(type: "integer", nullable: false),
                    done_actions = table.Column<int>(type: "integer", nullable: false),
                    rollup_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipality_plans", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "plan_actions",
                columns: table => new
                {
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    action_version = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    progress = table.Column<decimal>(type: "numeric", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_actions", x => x.action_id);
                });

            migrationBuilder.CreateTable(
                name: "service_day_reports",
                columns: table => new
                {
                    service_day_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    people_served = table.Column<int>(type: "integer", nullable: false),
                    referrals_made = table.Column<int>(type: "integer", nullable: false),
                    report_version = table.Column<int>(type: "integer", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_day_reports", x => x.service_day_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_plan_id",
                table: "plan_actions",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_day_reports_municipality_code_date",
                table: "service_day_reports",
                columns: new[] { "municipality_code", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "municipality_plans");

            migrationBuilder.DropTable(
                name: "plan_actions");

            migrationBuilder.DropTable(
                name: "service_day_reports");
        }
    }
}
