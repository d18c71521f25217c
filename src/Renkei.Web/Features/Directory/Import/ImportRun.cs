namespace Renkei.Web.Features.Directory.Import;

/// <summary>The record of one import: what file, who, when, and the counts of its report.</summary>
public class ImportRun
{
    public int Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserName { get; set; }
    public int New { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int NoLongerListed { get; set; }
    /// <summary>Rejected rows and changed fields as JSON, for the report page.</summary>
    public string? Report { get; set; }
}
