using Renkei.Web.Features.Directory.Import;

namespace Renkei.Web.Platform.Cli;

/// <summary>`import &lt;kind&gt; &lt;file&gt; [--pref NN] [--overwrite] [--dry-run]`; the last line is the summary scripts read.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider root, string[] arguments)
    {
        var positional = new List<string>();
        string? pref = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] == "--pref") pref = arguments[++i];
            else if (!arguments[i].StartsWith("--", StringComparison.Ordinal)) positional.Add(arguments[i]);
        }
        if (positional.Count != 2 || !DirectoryImportService.CommandNames.TryGetValue(positional[0], out var kind))
        {
            await Console.Error.WriteLineAsync($"import: 種類（{string.Join(", ", DirectoryImportService.CommandNames.Keys)}）とファイルを指定してください。");
            return 2;
        }
        var path = Path.GetFullPath(positional[1]);
        await using var scope = root.CreateAsyncScope();
        await RenkeiStartup.PrepareDatabaseAsync(scope.ServiceProvider);
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        try
        {
            var (plan, _) = await service.ImportAsync(kind, path, Path.GetFileName(path), pref,
                overwriteHandEdits: arguments.Contains("--overwrite"), apply: !arguments.Contains("--dry-run"), userName: "cli");
            foreach (var r in plan.File.Rejected.Take(50)) Console.WriteLine($"  却下 {r.Line}行目: {r.Reason}");
            if (plan.File.Rejected.Count > 50) Console.WriteLine($"  ほか {plan.File.Rejected.Count - 50} 行を却下");
            if (plan.NoLongerListed.Count > 0) Console.WriteLine($"  掲載終了（今回のファイルにない）: {plan.NoLongerListed.Count} 件");
            if (arguments.Contains("--dry-run")) Console.WriteLine("  （--dry-run: 何も書き込んでいません）");
            Console.WriteLine(plan.Summary);
            return 0;
        }
        catch (ImportFileException e)
        {
            await Console.Error.WriteLineAsync("import: " + e.Message + "（何も変更していません）");
            return 1;
        }
    }
}
