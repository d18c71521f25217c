namespace Renkei.Tests.Support;

/// <summary>Locates the repository root and the ../shared folder beside it (real public data for tests).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Renkei.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Renkei.slnx not found above " + AppContext.BaseDirectory);
    }
}
