using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexInBackground : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // New messages reach the FTS5 index in background units (SearchIndexWorker), not by a trigger in the
            // transaction that stores them. IndexedThrough is the last Messages rowid indexed; search reads the rows
            // past it directly. The delete and update triggers touch the index only for rows it holds: an FTS5
            // 'delete' of a row it does not hold would corrupt it.
            migrationBuilder.Sql("""
                CREATE TABLE SearchIndexState (Id INTEGER PRIMARY KEY CHECK (Id = 1), IndexedThrough INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("INSERT INTO SearchIndexState (Id, IndexedThrough) VALUES (1, COALESCE((SELECT max(rowid) FROM Messages), 0));");
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Insert;");
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER Messages_Search_Delete AFTER DELETE ON Messages
                WHEN old.SearchText IS NOT NULL AND old.rowid <= (SELECT IndexedThrough FROM SearchIndexState WHERE Id = 1) BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, SearchText) VALUES ('delete', old.rowid, old.SearchText);
                END;
                """);
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER Messages_Search_Update AFTER UPDATE OF SearchText ON Messages
                WHEN old.rowid <= (SELECT IndexedThrough FROM SearchIndexState WHERE Id = 1) BEGIN
                    INSERT INTO MessageSearch(MessageSearch, rowid, SearchText)
                        SELECT 'delete', old.rowid, old.SearchText WHERE old.SearchText IS NOT NULL;
                    INSERT INTO MessageSearch(rowid, SearchText) SELECT new.rowid, new.SearchText WHERE new.SearchText IS NOT NULL;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Update;");
            migrationBuilder.Sql("DROP TRIGGER Messages_Search_Delete;");
            migrationBuilder.Sql("DROP TABLE SearchIndexState;");
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
    }
}
