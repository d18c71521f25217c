namespace Renkei.Web.Features.Regions;

/// <summary>都道府県. Keyed by its two-digit code ("31" = 鳥取県).</summary>
public class Prefecture
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kana { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

/// <summary>二次医療圏 (構想区域), keyed by its four-digit code ("3101" = 東部).</summary>
public class SecondaryArea
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string PrefectureCode { get; set; }
}

public enum MunicipalityKind
{
    City = 1,            // 市
    Town = 2,            // 町
    Village = 3,         // 村
    SpecialWard = 4,     // 特別区 (東京23区)
    DesignatedCity = 5,  // 政令指定都市
    Ward = 6,            // 政令指定都市の行政区
}

/// <summary>
/// 市区町村 or a ward of a designated city, keyed by its 6-digit 全国地方公共団体コード.
/// Population figures are 住民基本台帳 2025-01-01; null where the source has none.
/// </summary>
public class Municipality
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kana { get; set; }
    public required string PrefectureCode { get; set; }
    public MunicipalityKind Kind { get; set; }
    /// <summary>For a ward: the designated city's code.</summary>
    public string? ParentCode { get; set; }
    public string? SecondaryAreaCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>True when the centroid was derived (e.g. a new ward from its predecessors), not surveyed.</summary>
    public bool CentroidApproximate { get; set; }
    public int? Population { get; set; }
    public int? Population65Plus { get; set; }
    public int? Population75Plus { get; set; }
}

/// <summary>One row: which version of the shipped reference data the database holds.</summary>
public class ReferenceDataState
{
    public int Id { get; set; } = 1;
    public required string ContentHash { get; set; }
    public DateTime LoadedAtUtc { get; set; }
    public int Prefectures { get; set; }
    public int SecondaryAreas { get; set; }
    public int Municipalities { get; set; }
}
