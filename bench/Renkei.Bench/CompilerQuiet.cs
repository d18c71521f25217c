using System.Diagnostics;
using System.Runtime;

namespace Renkei.Bench;

/// <summary>
/// Waits until the runtime has compiled no method for a while before a measured import. The setup just before it
/// (migrations, reference data) leaves hundreds of methods to be recompiled optimised in the background, and on a
/// two-core machine that work competed with the import it was not part of (600–900 ms of compiling during an import
/// of about one second). A server imports long after its own start. The import's own compiling is still measured:
/// the first import in a process pays for it.
/// </summary>
internal static class CompilerQuiet
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(10);

    public static async Task WaitAsync(string label)
    {
        var waited = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (quiet.Elapsed < Quiet && waited.Elapsed < AtMost)
        {
            await Task.Delay(50);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled) (compiled, quiet) = (now, Stopwatch.StartNew());
        }
        Console.WriteLine($"{label}:   waited {waited.ElapsedMilliseconds:N0} ms for the runtime to stop compiling what ran before");
    }
}
