using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Platform;

/// <summary>What happens before the first request: schema, reference data, demo; then the console greeting.</summary>
public static class RenkeiStartup
{
    public static async Task InitialiseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await PrepareDatabaseAsync(services);
        var options = services.GetRequiredService<DatabaseOptions>();

        IReadOnlyList<DemoAccount> created = [];
        if (app.Configuration.GetValue("Demo:Enabled", true))
        {
            created = await services.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        app.Lifetime.ApplicationStarted.Register(() => Greet(app, options, created));
    }

    /// <summary>
    /// Schema and reference data, as the app needs them before its first request (and CLI commands
    /// before they touch data): SQLite migrates itself; PostgreSQL must have been migrated by `migrate`.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<RenkeiDb>();
        if (services.GetRequiredService<DatabaseOptions>().ShouldMigrateAtStartup)
        {
            await DatabaseSetup.MigrateAsync(db);
        }
        else
        {
            await DatabaseSetup.CheckConnectionAsync(db);
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
                throw new StartupException("データベースのスキーマが最新ではありません。先に `dotnet run --project src/Renkei.Web -- migrate` を実行してください。");
        }
        var referenceDirectory = ReferenceDirectory(services.GetRequiredService<IConfiguration>());
        await services.GetRequiredService<ReferenceDataLoader>().LoadAsync(referenceDirectory);
        await services.GetRequiredService<Features.Indicators.IndicatorCatalogLoader>().LoadAsync(referenceDirectory);
        await Features.Directory.OpenWeekdaysBackfill.RunAsync(db);
    }

    public static string ReferenceDirectory(IConfiguration config) =>
        config["ReferenceData:Directory"] is { Length: > 0 } dir ? dir : ReferenceDataLoader.DefaultDirectory;

    private static void Greet(WebApplication app, DatabaseOptions options, IReadOnlyList<DemoAccount> created)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "==== Renkei が起動しました ====" };
        lines.AddRange(addresses.Select(a => $"  URL: {a.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}"));
        lines.Add(options.Provider == DatabaseProvider.Sqlite ? $"  データベース: SQLite {options.SqliteFile}" : "  データベース: PostgreSQL");
        if (created.Count > 0)
        {
            lines.Add("  デモ用アカウント（パスワードはこの一度だけ表示されます。控えてください）:");
            lines.AddRange(created.Select(a => $"    {a.Role,-28} ユーザー名: {a.UserName,-16} パスワード: {a.Password}"));
            lines.Add("  管理者（システム管理者・組織管理者）は初回サインイン時に二要素認証（認証アプリ）の設定が必要です。");
        }
        else
        {
            lines.Add("  デモ用アカウントは作成済みです（パスワードは初回起動時に表示されました）。");
            lines.Add("  忘れた場合は data フォルダを削除して再起動すると、新しいパスワードで作り直されます。");
        }
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
