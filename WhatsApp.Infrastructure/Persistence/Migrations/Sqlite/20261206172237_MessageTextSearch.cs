using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessageTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // FTS5's trigram index over the lower-cased search text, kept in step by triggers with every insert, erasure
            // and retention (they null SearchText). case_sensitive 1: the text is lower-cased already, in .NET, as the
            // needle is, so a match is exactly a substring, as before. External content: the text is stored once.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE MessageSearch USING fts5(
                    SearchText, content='Messages', content_rowid='rowid', tokenize='trigram case_sensitive 1');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Messages_Search_Insert AFTER INSERT ON Messages WHEN new.SearchText IS NOT NULL BEGIN
                    INSERT INTO MessageSearch(rowid, SearchText) VALUES (new.rowid, new.SearchText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Messages_Search_Delete AFTER DELETE ON Messages WHEN old.SearchText IS NOT NULL BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Messages_Search_Update AFTER UPDATE OF SearchText ON Messages BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, SearchText)
                        SELECT 'delete', old.rowid, old.SearchText WHERE old.SearchText IS NOT NULL;
                    INSERT INTO MessageSearch(rowid, SearchText) SELECT new.rowid, new.SearchText WHERE new.SearchText IS NOT NULL;
                END;
                """);
            migrationBuilder.Sql("INSERT INTO MessageSearch(MessageSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Update;");
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Delete;");
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Insert;");
            migrationBuilder.Sql("DROP TABLE MessageSearch;");
        }
    }
}
