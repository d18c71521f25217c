using System.Globalization;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Web.Platform.Cli;

/// <summary>
/// `import &lt;kind&gt; &lt;file&gt;… [--pref NN] [--overwrite] [--dry-run]`; the last line is the summary scripts read.
/// Several files (a national set of 介護サービス files: `jigyosho_*.csv`) are imported as one batch, each file still its
/// own import (DirectoryImportService.ImportManyAsync); the last line then adds their counts up.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider root, string[] arguments, CliConsole io)
    {
        var positional = new List<string>();
        string? pref = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] == "--pref") pref = arguments[++i];
            else if (!arguments[i].StartsWith("--", StringComparison.Ordinal)) positional.Add(arguments[i]);
        }
        if (positional.Count < 2 || !DirectoryImportService.CommandNames.TryGetValue(positional[0], out var kind))
        {
            await io.Error.WriteLineAsync($"import: 種類（{string.Join(", ", DirectoryImportService.CommandNames.Keys)}）とファイルを指定してください。");
            return 2;
        }
        var files = positional.Skip(1).Select(Path.GetFullPath).Select(p => new ImportSource(kind, p, Path.GetFileName(p))).ToList();
        var overwrite = arguments.Contains("--overwrite");
        var dryRun = arguments.Contains("--dry-run");
        await using var scope = root.CreateAsyncScope();
        await RenkeiStartup.PrepareDatabaseAsync(scope.ServiceProvider);
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        try
        {
            List<ImportPlan> plans = [];
            if (dryRun || files.Count == 1)
            {
                // A dry run plans each file against the directory as it is now (nothing written, so nothing builds on the file before).
                foreach (var f in files)
                    plans.Add((await service.ImportAsync(kind, f.Path, f.DisplayName, pref, overwrite, apply: !dryRun, userName: "cli")).Plan);
            }
            else
            {
                plans.AddRange((await service.ImportManyAsync(files, pref, overwrite, "cli")).Select(o => o.Plan));
            }
            foreach (var plan in plans) Report(plan, files.Count > 1, io.Out);
            if (dryRun) io.Out.WriteLine("  （--dry-run: 何も書き込んでいません）");
            io.Out.WriteLine(ImportPlan.Total(plans));
            return 0;
        }
        catch (ImportFileException e)
        {
            // In a batch the files before the unreadable one are imported (each is its own import); the rest are not.
            await io.Error.WriteLineAsync("import: " + e.Message + (files.Count > 1 && !dryRun
                ? "（このファイルとその後のファイルは取り込んでいません。その前のファイルは取り込み済みです）" : "（何も変更していません）"));
            return 1;
        }
    }

    private static void Report(ImportPlan plan, bool nameTheFile, TextWriter output)
    {
        if (nameTheFile) output.WriteLine($"{plan.File.FileName}: {plan.Summary}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {plan.File.FileName} の {plan.File.RowsRead:N0} 行を読みました"));
        foreach (var r in plan.File.Rejected.Take(50)) output.WriteLine($"  却下 {r.Line}行目: {r.Reason}");
        if (plan.File.Rejected.Count > 50) output.WriteLine($"  ほか {plan.File.Rejected.Count - 50} 行を却下");
        if (plan.NoLongerListed.Count > 0) output.WriteLine($"  掲載終了（今回のファイルにない）: {plan.NoLongerListed.Count} 件");
    }
}
