using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Boards.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionAndDisclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "person_birth_date",
                table: "referrals",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure",
                table: "personal_data_reads",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "full"); // every read before this migration showed the person in full

            // The retention period counts from the closing, which is the last line of a closed referral's history.
            migrationBuilder.Sql("""
                UPDATE referrals r SET "ClosedAt" = (SELECT max(h."At") FROM referral_status_changes h WHERE h."ReferralId" = r."Id")
                WHERE r."Status" IN ('Rejected', 'Completed', 'Failed', 'Cancelled');
                """);

            migrationBuilder.CreateTable(
                name: "retention_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Anonymised = table.Column<int>(type: "integer", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ClosedAt",
                table: "referrals",
                column: "ClosedAt",
                filter: "\"AnonymisedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_retention_runs_At",
                table: "retention_runs",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_runs");

            migrationBuilder.DropIndex(
                name: "IX_referrals_ClosedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "Disclosure",
                table: "personal_data_reads");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "person_birth_date",
                table: "referrals",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }
    }
}
