using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Renkei.Bench;

/// <summary>The real app in its own process on a free loopback port; timed from launch to the first 200.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, HttpClient client, long startupMs)
    {
        _process = process;
        Client = client;
        StartupMs = startupMs;
    }

    public HttpClient Client { get; }
    public long StartupMs { get; }

    public static async Task<AppProcess> StartAsync(string dll, string dataDir)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}", $"--Database:DataDirectory={dataDir}", "--Logging:LogLevel:Default=Warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the app");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode}");
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("no first page within 2 minutes");
            try
            {
                using var response = await client.GetAsync("/regions");
                if (response.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(20);
        }
        return new AppProcess(process, client, clock.ElapsedMilliseconds);
    }

    /// <summary>Resident set size of the app process, from /proc (Linux).</summary>
    public double RssMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
