using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Program;

public enum DeliveryMethod
{
    Undecided = 0,     // 未定
    Direct = 1,        // 直営
    Commissioned = 2,  // 委託
    Partly = 3,        // 一部委託
}

/// <summary>
/// How a municipality runs one program item: directly or commissioned (and to whom), the
/// responsible section and a contact. Municipal program data: tenant-scoped and versioned.
/// </summary>
public class ItemArrangement : IVersioned, ITenantOwned
{
    public int Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public ProgramItem Item { get; set; }
    public DeliveryMethod Method { get; set; }
    public int? ContractorOrganisationId { get; set; }
    public string? Department { get; set; }
    public string? Contact { get; set; }
    public string? Notes { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }
}

public static class DeliveryMethodNames
{
    public static string Japanese(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.Direct => "直営",
        DeliveryMethod.Commissioned => "委託",
        DeliveryMethod.Partly => "一部委託",
        _ => "未定",
    };
}
