using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "availability_capacity_status",
                table: "referrals",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "availability_checked_at",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "availability_message",
                table: "referrals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "availability_verification",
                table: "referrals",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "availability_waitlist_band",
                table: "referrals",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "availability_waitlisted",
                table: "referrals",
                type: "boolean",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "availability_capacity_status",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "availability_checked_at",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "availability_message",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "availability_verification",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "availability_waitlist_band",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "availability_waitlisted",
                table: "referrals");
        }
    }
}
