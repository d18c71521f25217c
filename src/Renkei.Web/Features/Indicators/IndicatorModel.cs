using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Indicators;

/// <summary>Structure / process / outcome (seed 004 図5).</summary>
public enum IndicatorType { Structure = 1, Process = 2, Outcome = 3 }

/// <summary>How the values of a data element arrive.</summary>
public enum ElementKind
{
    Manual = 1,   // entered or imported per municipality and 年度
    Computed = 2, // computed by Renkei from its own data (<see cref="DataElement.Rule"/>)
}

/// <summary>
/// A number collected per municipality and 年度 (DHIS2's data element): the 75+ population, the number of
/// clinics doing home visits, the count of 退院調整 … Shipped elements have no municipality; a municipality
/// may define its own.
/// </summary>
public class DataElement : IVersioned
{
    public int Id { get; set; }
    /// <summary>Stable code used by formulas and import templates (e.g. "pop75", "dir.fn.home-visit").</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public ElementKind Kind { get; set; }
    /// <summary>For computed elements: "population:75+", "directory:function:&lt;code&gt;", "directory:kind:Clinic", "directory:service:110" …</summary>
    public string? Rule { get; set; }
    public string? Description { get; set; }
    /// <summary>Null for the shipped catalogue; the owner's code for a custom element.</summary>
    public string? MunicipalityCode { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// An indicator: numerator ÷ denominator × factor over data elements (DHIS2's model), e.g. clinics doing
/// home visits per 10,000 aged 75+. Without a denominator the indicator is the numerator × factor.
/// </summary>
public class Indicator : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public IndicatorType Type { get; set; }
    /// <summary>The 図5 category (在宅医療, 在宅介護, 住民の意識・ニーズ, 入退院時の連携 …).</summary>
    public required string Category { get; set; }
    public string? Unit { get; set; }
    public string? Definition { get; set; }
    /// <summary>Where the figures come from (医療レセプト, 資源名簿, アンケート …).</summary>
    public string? Source { get; set; }
    public int NumeratorId { get; set; }
    public int? DenominatorId { get; set; }
    public decimal Factor { get; set; } = 1;
    /// <summary>Whether a higher value is better (for colouring against the target); null when neither.</summary>
    public bool? HigherIsBetter { get; set; }
    /// <summary>Null for the shipped catalogue; the owner's code for a custom indicator.</summary>
    public string? MunicipalityCode { get; set; }
    public long Version { get; set; }
}

public enum ValueOrigin
{
    Manual = 1,   // 手入力
    Import = 2,   // ファイル取込
    Snapshot = 3, // Renkei の計算値を年度末に記録
}

/// <summary>A value of a manual data element for one municipality and 年度. Missing is no row, never zero.</summary>
public class DataValue : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public int DataElementId { get; set; }
    public int FiscalYear { get; set; }
    public decimal Value { get; set; }
    public ValueOrigin Origin { get; set; }
    /// <summary>Invented for the demo: always shown as サンプル.</summary>
    public bool IsSample { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>A target of an indicator for one municipality and 年度 — first-class, unlike in DHIS2.</summary>
public class IndicatorTarget : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public int IndicatorId { get; set; }
    public int FiscalYear { get; set; }
    public decimal Value { get; set; }
    public bool IsSample { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}
