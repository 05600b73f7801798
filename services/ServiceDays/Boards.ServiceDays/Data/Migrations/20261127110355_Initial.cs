using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.ServiceDays.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_services",
                columns: table => new
                {
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Program = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InstitutionCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    CapacityStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_services", x => new { x.MunicipalityCode, x.ServiceCode });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "municipalities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentNumber = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipalities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "jsonb", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TraceParent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TraceState = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeadLetteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_days",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Locality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpectedAttendance = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReportVersion = table.Column<int>(type: "integer", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReportNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportedPeopleServed = table.Column<int>(type: "integer", nullable: false),
                    ReportedReferralsMade = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_days", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_days_municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendance_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceDayId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Identified = table.Column<int>(type: "integer", nullable: false),
                    Anonymous = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attendance_batches_service_days_ServiceDayId",
                        column: x => x.ServiceDayId,
                        principalTable: "service_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referral_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceDayId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OriginInstitution = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DestinationInstitution = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DestinationMunicipalityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NeedCategory = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PendingPayload = table.Column<string>(type: "jsonb", nullable: true),
                    ReferralId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_entries_service_days_ServiceDayId",
                        column: x => x.ServiceDayId,
                        principalTable: "service_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_day_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceDayId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_day_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_day_services_service_days_ServiceDayId",
                        column: x => x.ServiceDayId,
                        principalTable: "service_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceDayId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchRowId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonHash = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AnonymousCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance_records", x => x.Id);
                    table.CheckConstraint("ck_attendance_person_or_count", "(\"PersonHash\" IS NOT NULL AND \"AnonymousCount\" = 0) OR (\"PersonHash\" IS NULL AND \"AnonymousCount\" > 0)");
                    table.ForeignKey(
                        name: "FK_attendance_records_attendance_batches_BatchRowId",
                        column: x => x.BatchRowId,
                        principalTable: "attendance_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attendance_batches_ServiceDayId_BatchId",
                table: "attendance_batches",
                columns: new[] { "ServiceDayId", "BatchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_attendance_records_BatchRowId",
                table: "attendance_records",
                column: "BatchRowId");

            migrationBuilder.CreateIndex(
                name: "IX_attendance_records_ServiceDayId",
                table: "attendance_records",
                column: "ServiceDayId");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "Id",
                filter: "\"PublishedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_referral_entries_RequestId",
                table: "referral_entries",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_entries_ServiceDayId_EntryId",
                table: "referral_entries",
                columns: new[] { "ServiceDayId", "EntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_day_services_ServiceDayId_ServiceCode",
                table: "service_day_services",
                columns: new[] { "ServiceDayId", "ServiceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_days_MunicipalityCode_Date",
                table: "service_days",
                columns: new[] { "MunicipalityCode", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance_records");

            migrationBuilder.DropTable(
                name: "catalog_services");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "referral_entries");

            migrationBuilder.DropTable(
                name: "service_day_services");

            migrationBuilder.DropTable(
                name: "attendance_batches");

            migrationBuilder.DropTable(
                name: "service_days");

            migrationBuilder.DropTable(
                name: "municipalities");
        }
    }
}
