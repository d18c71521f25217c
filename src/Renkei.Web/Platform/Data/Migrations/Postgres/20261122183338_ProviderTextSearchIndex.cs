using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProviderTextSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Substring search (LIKE '%…%') over SearchKey uses a trigram GIN index. pg_trgm ships with
            // PostgreSQL (contrib); creating it needs a role allowed to create extensions.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Providers_SearchKey_trgm\" ON \"Providers\" USING gin (\"SearchKey\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Providers_SearchKey_trgm\";");
        }
    }
}
