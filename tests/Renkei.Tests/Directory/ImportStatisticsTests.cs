using Renkei.Web.Features.Directory.Import;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>When an import refreshes PostgreSQL's statistics itself (DirectoryImporter.StatisticsStale).</summary>
public sealed class ImportStatisticsTests
{
    [Theory]
    [InlineData(7_587, -1, true)]        // a first import: the table was never analysed
    [InlineData(7_587, 0, true)]
    [InlineData(1_466, 10_000, true)]     // a tenth or more of what the statistics know
    [InlineData(1_000, 10_000, true)]
    [InlineData(999, -1, false)]          // small files never: autovacuum will come by
    [InlineData(1_466, 600_000, false)]   // a national directory: ANALYZE cost seconds for a file that changes little
    [InlineData(59_999, 600_000, false)]
    [InlineData(60_000, 600_000, true)]
    public void Statistics_are_refreshed_when_the_new_providers_are_many_and_a_tenth_of_the_known(int newProviders, double estimatedRows, bool expected) =>
        Assert.Equal(expected, DirectoryImporter.StatisticsStale(newProviders, estimatedRows));
}
