using System.Diagnostics;
using System.Security.Cryptography;

namespace Renkei.Bench;

/// <summary>
/// A fixed amount of single-threaded work timed before measuring, printed with the figures: the shared 2-core machine the
/// bench runs on ran the same work up to 1.7× slower at busy times, so figures from two runs compare only beside this.
/// </summary>
public static class MachineSpeed
{
    public static string Describe()
    {
        var data = new byte[4 * 1024 * 1024];
        new Random(1).NextBytes(data);
        SHA256.HashData(data); // first call outside the timing
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 64; i++) SHA256.HashData(data);
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return $"SHA-256 of 256 MB in {best:N0} ms (best of 3; lower is a faster machine at the time), {Environment.ProcessorCount} cores";
    }
}
