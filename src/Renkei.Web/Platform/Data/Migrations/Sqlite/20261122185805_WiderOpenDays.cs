using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WiderOpenDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to do on SQLite: TEXT columns have no length. Kept so both migration sets stay in step.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
