using Microsoft.Data.Sqlite;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Platform.Cli;

/// <summary>
/// Operations on the same executable: `dotnet run --project src/Renkei.Web -- &lt;command&gt;`.
/// Configuration (database provider, connection string) is read exactly as when serving.
/// </summary>
public sealed class CliCommand
{
    private static readonly string[] Names = ["help", "migrate", "backup", "create-admin", "import"];

    private CliCommand(string name, string[] arguments, string[] hostArgs)
    {
        Name = name;
        Arguments = arguments;
        HostArgs = hostArgs;
    }

    public string Name { get; }
    public string[] Arguments { get; }
    /// <summary>The rest (e.g. --Database:Provider=Postgres) goes to the host's configuration.</summary>
    public string[] HostArgs { get; }

    public static CliCommand? Parse(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0], StringComparer.OrdinalIgnoreCase)) return null;
        // The command's own arguments, including its own options (--pref 31, --overwrite, --dry-run);
        // every other --Key=Value goes to the host configuration.
        var own = new List<string>();
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--pref" && i + 1 < args.Length) { own.Add(args[i]); own.Add(args[++i]); }
            else if (args[i] is "--overwrite" or "--dry-run") own.Add(args[i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) host.Add(args[i]);
            else own.Add(args[i]);
        }
        return new CliCommand(args[0].ToLowerInvariant(), [.. own], [.. host]);
    }

    /// <param name="console">Where the command writes; the process's console when null (tests read their own).</param>
    public async Task<int> RunAsync(IServiceProvider services, CliConsole? console = null)
    {
        var io = console ?? CliConsole.Process;
        try
        {
            return Name switch
            {
                "migrate" => await MigrateAsync(services, io),
                "backup" => await BackupAsync(services, io),
                "create-admin" => await CreateAdmin.RunAsync(services, Arguments, io),
                "import" => await ImportCommand.RunAsync(services, Arguments, io),
                _ => Help(io),
            };
        }
        catch (StartupException e)
        {
            await io.Error.WriteLineAsync($"{Name}: {e.Message}");
            return 1;
        }
    }

    private static int Help(CliConsole io)
    {
        io.Out.WriteLine("""
            使い方: dotnet run --project src/Renkei.Web -- <コマンド> [引数] [--設定キー=値 ...]

            コマンド:
              (なし)            Web アプリを起動します。
              migrate           データベースのスキーマを最新にし、参照データ（都道府県・二次医療圏・市区町村・人口）を読み込みます。
                                PostgreSQL の本番環境では、起動前にこのコマンドを実行してください。
              backup <ファイル>  SQLite データベースを、稼働中のままファイルへバックアップします（オンラインバックアップ）。
              create-admin <ユーザー名> <都道府県コード>
                                最初のシステム管理者を作ります（その都道府県の組織に所属）。パスワードを一度だけ表示します。
              import <種類> <ファイル> [--pref <都道府県コード>] [--overwrite] [--dry-run]
                                資源（医療機関・介護事業所）の公開データを取り込みます。種類: kaigo-opendata, iryojoho, kouseikyoku
                                --pref: その都道府県の行だけ取り込む　--overwrite: 手で修正した項目も上書きする　--dry-run: 差分だけ表示
              help              この説明を表示します。

            例:
              dotnet run --project src/Renkei.Web -- migrate --Database:Provider=Postgres --ConnectionStrings:Postgres="Host=...;Database=renkei;Username=...;Password=..."
              dotnet run --project src/Renkei.Web -- backup /var/backups/renkei-20261122.db
            """);
        return 0;
    }

    private static async Task<int> MigrateAsync(IServiceProvider root, CliConsole io)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDb>();
        await DatabaseSetup.MigrateAsync(db);
        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var loaded = await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().LoadAsync(RenkeiStartup.ReferenceDirectory(config));
        io.Out.WriteLine(loaded ? "migrate: スキーマを更新し、参照データを読み込みました。" : "migrate: スキーマを更新しました（参照データは最新です）。");
        return 0;
    }

    private async Task<int> BackupAsync(IServiceProvider root, CliConsole io)
    {
        var options = root.GetRequiredService<DatabaseOptions>();
        if (Arguments.Length != 1)
        {
            await io.Error.WriteLineAsync("backup: バックアップ先のファイルを1つ指定してください。例: backup /var/backups/renkei.db");
            return 2;
        }
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            await io.Error.WriteLineAsync("backup: PostgreSQL では pg_dump を使ってください（README「運用」参照）。");
            return 2;
        }
        var target = Path.GetFullPath(Arguments[0]);
        if (File.Exists(target))
        {
            await io.Error.WriteLineAsync($"backup: {target} はすでに存在します。上書きはしません。");
            return 2;
        }
        // SQLite's online backup API copies a consistent snapshot while the app keeps serving.
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.SqliteFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target }.ToString());
        await source.OpenAsync();
        await destination.OpenAsync();
        source.BackupDatabase(destination);
        io.Out.WriteLine($"backup: {options.SqliteFile} を {target} にバックアップしました（{new FileInfo(target).Length:N0} バイト）。");
        return 0;
    }
}

/// <summary>The output and error writers of a command.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole Process => new(Console.Out, Console.Error);
}
