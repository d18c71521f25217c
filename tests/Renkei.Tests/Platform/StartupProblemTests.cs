using System.Diagnostics;

namespace Renkei.Tests.Platform;

/// <summary>
/// The real executable, started as an operator would start it, with a setting it cannot use: it prints one Japanese
/// line naming the setting, no stack trace, and exits with code 1.
/// </summary>
public sealed class StartupProblemTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("renkei-startup-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] arguments)
    {
        // Renkei.Web.dll is copied beside the tests by the project reference.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "Renkei.Web.dll"), .. arguments, $"--Database:DataDirectory={_dir}"]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task A_certificate_file_that_is_not_there_stops_the_server_with_one_japanese_line()
    {
        var missing = Path.Combine(_dir, "none.pfx");
        var (code, _, error) = await RunAsync($"--Security:KeyCertificate={missing}");
        Assert.Equal(1, code);
        Assert.Equal($"Renkei を起動できません: Security:KeyCertificate の証明書ファイル「{missing}」がありません。パスを確認してください。", error.Trim());
        Assert.False(File.Exists(Path.Combine(_dir, "renkei.db"))); // stopped before touching a database
    }

    [Fact]
    public async Task A_command_with_postgres_and_no_connection_string_says_which_setting_is_missing()
    {
        var (code, _, error) = await RunAsync("migrate", "--Database:Provider=Postgres");
        Assert.Equal(1, code);
        Assert.Equal("Renkei を起動できません: Database:Provider が Postgres ですが ConnectionStrings:Postgres が設定されていません。", error.Trim());
    }

    [Fact]
    public async Task A_postgres_server_that_does_not_answer_is_named_with_the_settings_to_check()
    {
        // Port 9 (discard) on loopback: nothing listens there in the test environment; the refusal is immediate.
        var (code, _, error) = await RunAsync("migrate", "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=9;Username=renkei;Database=renkei;Timeout=5");
        Assert.Equal(1, code);
        Assert.StartsWith("migrate: データベースに接続できません（", error.Trim(), StringComparison.Ordinal); // a command names itself
        Assert.EndsWith("ConnectionStrings:Postgres の接続先・ユーザー・パスワードと、PostgreSQL サーバーが起動しているかを確認してください。", error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
