namespace Renkei.Web.Features.Regions;

/// <summary>Everything parsed from the shipped reference files, validated, before any database write.</summary>
public sealed record ReferenceDataSet(
    IReadOnlyList<Prefecture> Prefectures,
    IReadOnlyList<SecondaryArea> SecondaryAreas,
    IReadOnlyList<Municipality> Municipalities,
    string ContentHash);
