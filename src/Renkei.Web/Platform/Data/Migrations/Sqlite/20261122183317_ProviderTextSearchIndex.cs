using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProviderTextSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Substring search over SearchKey with FTS5's trigram tokenizer (bundled SQLite 3.53), kept in
            // step with Providers by triggers, so any writer (EF or the bulk importer) updates it.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ProviderSearchIndex USING fts5(SearchKey, content='Providers', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_ai AFTER INSERT ON Providers BEGIN INSERT INTO ProviderSearchIndex(rowid, SearchKey) VALUES (new.Id, new.SearchKey); END;");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_ad AFTER DELETE ON Providers BEGIN INSERT INTO ProviderSearchIndex(ProviderSearchIndex, rowid, SearchKey) VALUES ('delete', old.Id, old.SearchKey); END;");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_au AFTER UPDATE OF SearchKey ON Providers BEGIN INSERT INTO ProviderSearchIndex(ProviderSearchIndex, rowid, SearchKey) VALUES ('delete', old.Id, old.SearchKey); INSERT INTO ProviderSearchIndex(rowid, SearchKey) VALUES (new.Id, new.SearchKey); END;");
            migrationBuilder.Sql("INSERT INTO ProviderSearchIndex(ProviderSearchIndex) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchIndex_ai;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchIndex_ad;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchIndex_au;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ProviderSearchIndex;");
        }
    }
}
