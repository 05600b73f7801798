using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.ServiceDays.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntitiesInDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing in the database changes: the service day, its services, attendance, referral entries, the
            // catalog and municipality replicas and the retention runs moved from Features/ to Domain/, and the model
            // snapshot names entity types by their CLR names.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
