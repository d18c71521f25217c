using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Sqlite
{
    /// <summary>
    /// Text index for one- and two-character keys (see SqliteTextIndex): the trigram index now holds each search key
    /// followed by two U+0001 characters, so every character of a key begins a trigram, and its term list is readable
    /// (fts5vocab). Contentless with contentless_delete (SQLite 3.43+, bundled 3.53): the indexed text is not the
    /// column's, so the index keeps no link to Providers and rows are removed by id.
    /// </summary>
    public partial class ShortKeySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropIndex(migrationBuilder);
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ProviderSearchIndex USING fts5(SearchKey, content='', contentless_delete=1, tokenize='trigram');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ProviderSearchTerms USING fts5vocab(ProviderSearchIndex, row);");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_ai AFTER INSERT ON Providers BEGIN INSERT INTO ProviderSearchIndex(rowid, SearchKey) VALUES (new.Id, new.SearchKey || char(1, 1)); END;");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_ad AFTER DELETE ON Providers BEGIN DELETE FROM ProviderSearchIndex WHERE rowid = old.Id; END;");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_au AFTER UPDATE OF SearchKey ON Providers BEGIN DELETE FROM ProviderSearchIndex WHERE rowid = old.Id; INSERT INTO ProviderSearchIndex(rowid, SearchKey) VALUES (new.Id, new.SearchKey || char(1, 1)); END;");
            migrationBuilder.Sql("INSERT INTO ProviderSearchIndex(rowid, SearchKey) SELECT Id, SearchKey || char(1, 1) FROM Providers;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropIndex(migrationBuilder);
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ProviderSearchIndex USING fts5(SearchKey, content='Providers', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_ai AFTER INSERT ON Providers BEGIN INSERT INTO ProviderSearchIndex(rowid, SearchKey) VALUES (new.Id, new.SearchKey); END;");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_ad AFTER DELETE ON Providers BEGIN INSERT INTO ProviderSearchIndex(ProviderSearchIndex, rowid, SearchKey) VALUES ('delete', old.Id, old.SearchKey); END;");
            migrationBuilder.Sql("CREATE TRIGGER ProviderSearchIndex_au AFTER UPDATE OF SearchKey ON Providers BEGIN INSERT INTO ProviderSearchIndex(ProviderSearchIndex, rowid, SearchKey) VALUES ('delete', old.Id, old.SearchKey); INSERT INTO ProviderSearchIndex(rowid, SearchKey) VALUES (new.Id, new.SearchKey); END;");
            migrationBuilder.Sql("INSERT INTO ProviderSearchIndex(ProviderSearchIndex) VALUES ('rebuild');");
        }

        private static void DropIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchIndex_ai;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchIndex_ad;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchIndex_au;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ProviderSearchTerms;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ProviderSearchIndex;");
        }
    }
}
