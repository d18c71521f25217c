using Renkei.Tests.Support;

namespace Renkei.Tests.Platform;

[Collection(AppCollection.Name)]
public sealed class ProviderTests(AppFixture app)
{
    [Fact]
    public async Task The_suite_runs_on_the_database_it_was_asked_for()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var expected = TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expected, db.Database.ProviderName);
    }
}
