using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class EarlyWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "need_category",
                table: "referral_facts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "overdue_at",
                table: "referral_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rejected_at",
                table: "referral_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "referral_facts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "early_warnings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rule_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acknowledgement_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_early_warnings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "municipality_sessions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_session_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipality_sessions", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_early_warnings_municipality_raised_at",
                table: "early_warnings",
                columns: new[] { "municipality_code", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ux_early_warnings_open",
                table: "early_warnings",
                columns: new[] { "municipality_code", "rule" },
                unique: true,
                filter: "resolved_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "early_warnings");

            migrationBuilder.DropTable(
                name: "municipality_sessions");

            migrationBuilder.DropColumn(
                name: "need_category",
                table: "referral_facts");

            migrationBuilder.DropColumn(
                name: "overdue_at",
                table: "referral_facts");

            migrationBuilder.DropColumn(
                name: "rejected_at",
                table: "referral_facts");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "referral_facts");
        }
    }
}
