using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceDaysTomorrow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tracked_service_days",
                columns: table => new
                {
                    ServiceDayId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Locality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    RemindedFor = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracked_service_days", x => x.ServiceDayId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tracked_service_days_Date",
                table: "tracked_service_days",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tracked_service_days");
        }
    }
}
