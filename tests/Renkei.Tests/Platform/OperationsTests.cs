using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Cli;

namespace Renkei.Tests.Platform;

public sealed class OperationsTests
{
    [Fact]
    public async Task Two_instances_on_one_database_serve_one_session_signed_in_on_either()
    {
        using var database = new TestDatabase();
        await using var first = new RenkeiFactory(database);
        first.UseKestrel(0);
        first.StartServer();
        await TestWorld.SeedAsync(first);
        await using var second = new RenkeiFactory(database);
        second.UseKestrel(0);
        second.StartServer();
        Assert.NotEqual(first.ClientOptions.BaseAddress, second.ClientOptions.BaseAddress);

        // One browser-like cookie jar; cookies are not port-specific, so it talks to both instances.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var toFirst = new HttpClient(handler, disposeHandler: false) { BaseAddress = first.ClientOptions.BaseAddress };
        using var toSecond = new HttpClient(handler, disposeHandler: false) { BaseAddress = second.ClientOptions.BaseAddress };
        using var one = new WebSession(toFirst);
        using var two = new WebSession(toSecond);

        await one.SignInAsync("tottori-staff");
        // The second instance reads the first's cookie (keys in the database) …
        var home = await two.GetPageAsync($"/municipalities/{TestWorld.Tottori}");
        Assert.Contains("鳥取市", home, StringComparison.Ordinal);
        // … and accepts a form whose antiforgery token the first instance issued.
        var form = await one.GetPageAsync($"/municipalities/{TestWorld.Tottori}/arrangements/a");
        var saved = await two.PostAsync($"/municipalities/{TestWorld.Tottori}/arrangements/a",
            WebSession.HiddenFields(form, new() { ["Form.Method"] = "Direct", ["Form.Department"] = "二台構成" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (scope, db) = first.SystemDb();
        await using var _ = scope;
        var audit = await db.AuditEntries.Where(a => a.EntityType == "ItemArrangement").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal(AuditActions.Create, entry.Action);
        // Over a real socket the client's address is recorded.
        Assert.Equal("127.0.0.1", entry.IpAddress);
    }

    [Fact]
    public async Task Backup_copies_a_consistent_sqlite_database_and_refuses_to_overwrite()
    {
        if (TestDatabase.IsPostgres)
        {
            // On PostgreSQL the command must refuse and point to pg_dump.
            using var pgDatabase = new TestDatabase();
            await using var pgFactory = new RenkeiFactory(pgDatabase);
            _ = pgFactory.Server;
            Assert.Equal(2, await CliCommand.Parse(["backup", Path.Combine(Path.GetTempPath(), "x.db")])!.RunAsync(pgFactory.Services));
            return;
        }
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database);
        _ = factory.Server;
        await TestWorld.SeedAsync(factory);
        var target = Path.Combine(database.DataDirectory!, "backup.db");
        var command = CliCommand.Parse(["backup", target]);
        Assert.NotNull(command);
        Assert.Equal(0, await command.RunAsync(factory.Services));

        await using var copy = new Renkei.Web.Platform.Data.SqliteRenkeiDb(
            new DbContextOptionsBuilder<Renkei.Web.Platform.Data.SqliteRenkeiDb>().UseSqlite($"Data Source={target}").Options,
            Renkei.Web.Platform.Tenancy.Caller.System, TimeProvider.System);
        Assert.Equal(1741 + 171, await copy.Municipalities.CountAsync());
        Assert.True(await copy.Users.AnyAsync(u => u.UserName == "tottori-staff"));

        Assert.Equal(2, await CliCommand.Parse(["backup", target])!.RunAsync(factory.Services));
    }

    [Theory]
    [InlineData(new[] { "migrate", "--Database:Provider=Sqlite" }, "migrate", 0, 1)]
    [InlineData(new[] { "BACKUP", "/tmp/a.db", "--Demo:Enabled=false" }, "backup", 1, 1)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, null, 0, 0)]
    [InlineData(new string[0], null, 0, 0)]
    public void Commands_are_recognised_and_the_rest_goes_to_the_host(string[] args, string? name, int ownArgs, int hostArgs)
    {
        var command = CliCommand.Parse(args);
        Assert.Equal(name, command?.Name);
        Assert.Equal(ownArgs, command?.Arguments.Length ?? 0);
        Assert.Equal(hostArgs, command?.HostArgs.Length ?? 0);
    }
}

public sealed class CreateAdminTests
{
    [Fact]
    public async Task Create_admin_makes_a_system_admin_who_can_sign_in_and_refuses_a_bad_prefecture()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database);
        _ = factory.Server;
        var console = new CliConsole(new StringWriter(), new StringWriter());
        Assert.Equal(0, await CliCommand.Parse(["create-admin", "first-admin", "31"])!.RunAsync(factory.Services, console));
        Assert.Equal(2, await CliCommand.Parse(["create-admin", "second-admin", "99"])!.RunAsync(factory.Services, console));
        Assert.Contains("都道府県コード「99」はありません", console.Error.ToString(), StringComparison.Ordinal);
        var password = System.Text.RegularExpressions.Regex.Match(console.Out.ToString()!, "パスワード: (\\S+)").Groups[1].Value;
        using var session = WebSession.Open(factory);
        var login = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = "first-admin", ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        // A new admin is held at the two-factor set-up.
        Assert.Equal("/account/two-factor", (await session.GetAsync("/organisations")).Headers.Location!.OriginalString);
    }
}
