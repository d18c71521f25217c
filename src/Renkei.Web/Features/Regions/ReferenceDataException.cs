namespace Renkei.Web.Features.Regions;

/// <summary>A shipped reference file is malformed. Start-up stops with this message; nothing is written.</summary>
public sealed class ReferenceDataException(string file, int row, string problem)
    : Platform.StartupException($"参照データ {file} の {row} 行目: {problem}")
{
    public string File { get; } = file;
    public int Row { get; } = row;
}
