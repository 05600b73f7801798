using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <summary>
    /// The national table's filters: municipalities' cohort, focal point terms, service days by institution, and the
    /// monthly totals with monitoring_rebuild_totals() rebuilding them too (run once here to fill them).
    /// </summary>
    public partial class ReportsAndFilters : Migration
    {
        // The rebuild of NationalTableTotals, now of both tables: the month is the creation time's month in Paraguay,
        // as ParaguayCalendar.MonthOf computes it for the consumers. Both tables are locked in the consumers' order.
        private const string RebuildBoth = """
            CREATE OR REPLACE FUNCTION monitoring_rebuild_totals() RETURNS integer
            LANGUAGE plpgsql
            SET enable_indexscan = off
            SET enable_bitmapscan = off
            SET work_mem = '256MB'
            AS $$
            DECLARE
                municipalities integer;
            BEGIN
                LOCK TABLE municipality_referral_totals IN EXCLUSIVE MODE;
                LOCK TABLE municipality_month_totals IN EXCLUSIVE MODE;
                DELETE FROM municipality_referral_totals;
                INSERT INTO municipality_referral_totals
                    (code, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred,
                     median_seconds_to_accept, median_seconds_to_counter_referral)
                SELECT f.municipality_code,
                       count(*),
                       count(*) FILTER (WHERE f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                       count(*) FILTER (WHERE f.accepted_at IS NOT NULL),
                       count(*) FILTER (WHERE f.status = 'rejected'),
                       count(*) FILTER (WHERE f.status = 'completed'),
                       count(*) FILTER (WHERE f.status = 'failed'),
                       count(*) FILTER (WHERE f.status = 'cancelled'),
                       count(*) FILTER (WHERE f.overdue AND f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                       count(*) FILTER (WHERE f.counter_referred_at IS NOT NULL),
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY EXTRACT(EPOCH FROM f.accepted_at - f.created_at)::double precision),
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY EXTRACT(EPOCH FROM f.counter_referred_at - f.created_at)::double precision)
                FROM referral_facts f
                GROUP BY f.municipality_code;
                GET DIAGNOSTICS municipalities = ROW_COUNT;
                DELETE FROM municipality_month_totals;
                INSERT INTO municipality_month_totals
                    (code, month, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred)
                SELECT f.municipality_code,
                       date_trunc('month', f.created_at AT TIME ZONE 'America/Asuncion')::date,
                       count(*),
                       count(*) FILTER (WHERE f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                       count(*) FILTER (WHERE f.accepted_at IS NOT NULL),
                       count(*) FILTER (WHERE f.status = 'rejected'),
                       count(*) FILTER (WHERE f.status = 'completed'),
                       count(*) FILTER (WHERE f.status = 'failed'),
                       count(*) FILTER (WHERE f.status = 'cancelled'),
                       count(*) FILTER (WHERE f.overdue AND f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                       count(*) FILTER (WHERE f.counter_referred_at IS NOT NULL)
                FROM referral_facts f
                GROUP BY 1, 2;
                RETURN municipalities;
            END
            $$;
            """;

        // NationalTableTotals' version, for Down.
        private const string RebuildTotalsOnly = """
            CREATE OR REPLACE FUNCTION monitoring_rebuild_totals() RETURNS integer
            LANGUAGE plpgsql
            SET enable_indexscan = off
            SET enable_bitmapscan = off
            SET work_mem = '256MB'
            AS $$
            DECLARE
                municipalities integer;
            BEGIN
                LOCK TABLE municipality_referral_totals IN EXCLUSIVE MODE;
                DELETE FROM municipality_referral_totals;
                INSERT INTO municipality_referral_totals
                    (code, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred,
                     median_seconds_to_accept, median_seconds_to_counter_referral)
                SELECT f.municipality_code,
                       count(*),
                       count(*) FILTER (WHERE f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                       count(*) FILTER (WHERE f.accepted_at IS NOT NULL),
                       count(*) FILTER (WHERE f.status = 'rejected'),
                       count(*) FILTER (WHERE f.status = 'completed'),
                       count(*) FILTER (WHERE f.status = 'failed'),
                       count(*) FILTER (WHERE f.status = 'cancelled'),
                       count(*) FILTER (WHERE f.overdue AND f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                       count(*) FILTER (WHERE f.counter_referred_at IS NOT NULL),
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY EXTRACT(EPOCH FROM f.accepted_at - f.created_at)::double precision),
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY EXTRACT(EPOCH FROM f.counter_referred_at - f.created_at)::double precision)
                FROM referral_facts f
                GROUP BY f.municipality_code;
                GET DIAGNOSTICS municipalities = ROW_COUNT;
                RETURN municipalities;
            END
            $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cohort",
                table: "municipalities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "focal_point_terms",
                columns: table => new
                {
                    term_id = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    board_version = table.Column<long>(type: "bigint", nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                    access = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    access_updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_focal_point_terms", x => x.term_id);
                });

            migrationBuilder.CreateTable(
                name: "municipality_month_totals",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    sent = table.Column<long>(type: "bigint", nullable: false),
                    open = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    rejected = table.Column<long>(type: "bigint", nullable: false),
                    completed = table.Column<long>(type: "bigint", nullable: false),
                    failed = table.Column<long>(type: "bigint", nullable: false),
                    cancelled = table.Column<long>(type: "bigint", nullable: false),
                    overdue = table.Column<long>(type: "bigint", nullable: false),
                    counter_referred = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipality_month_totals", x => new { x.code, x.month });
                });

            migrationBuilder.CreateTable(
                name: "service_day_institutions",
                columns: table => new
                {
                    service_day_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    attentions = table.Column<int>(type: "integer", nullable: false),
                    services = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_day_institutions", x => new { x.service_day_id, x.institution_code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_focal_point_terms_municipality_code_board_version",
                table: "focal_point_terms",
                columns: new[] { "municipality_code", "board_version" });

            migrationBuilder.CreateIndex(
                name: "ix_service_day_institutions_municipality_code_date",
                table: "service_day_institutions",
                columns: new[] { "municipality_code", "date" })
                .Annotation("Npgsql:IndexInclude", new[] { "institution_code", "attentions" });

            migrationBuilder.Sql(RebuildBoth);
            migrationBuilder.Sql("SELECT monitoring_rebuild_totals();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RebuildTotalsOnly);

            migrationBuilder.DropTable(
                name: "focal_point_terms");

            migrationBuilder.DropTable(
                name: "municipality_month_totals");

            migrationBuilder.DropTable(
                name: "service_day_institutions");

            migrationBuilder.DropColumn(
                name: "cohort",
                table: "municipalities");
        }
    }
}
