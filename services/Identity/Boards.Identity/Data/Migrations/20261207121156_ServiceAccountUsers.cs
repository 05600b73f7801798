using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceAccountUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "service_account_client_id",
                table: "users",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_users_service_account_client_id",
                table: "users",
                column: "service_account_client_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_users_service_account_client_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "service_account_client_id",
                table: "users");
        }
    }
}
