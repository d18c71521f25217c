using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Postgres
{
    /// <summary>
    /// Search by one- or two-character keys, which the pg_trgm index cannot answer (a LIKE scan of a national directory
    /// took 180–270 ms at p95): a GIN index over each key's characters and pairs of neighbouring characters
    /// (ProviderSearch.Candidates). A plain SQL function: immutable, so it can be indexed. Statistics are gathered at
    /// once: without them the planner guesses how common a character is, and scanned for rare ones.
    /// </summary>
    public partial class ShortKeySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION renkei_short_keys(key text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                RETURN string_to_array(key, NULL) || ARRAY(SELECT substr(key, i, 2) FROM generate_series(1, length(key) - 1) AS i);
                """);
            migrationBuilder.Sql("CREATE INDEX \"IX_Providers_SearchKey_short\" ON \"Providers\" USING gin (renkei_short_keys(\"SearchKey\"));");
            migrationBuilder.Sql("ANALYZE \"Providers\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Providers_SearchKey_short\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS renkei_short_keys(text);");
        }
    }
}
