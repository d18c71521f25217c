using Microsoft.AspNetCore.Identity;
using Renkei.Web.Features.Organisations;

namespace Renkei.Web.Features.Accounts;

/// <summary>A signed-in person. Every account belongs to exactly one organisation.</summary>
public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public bool IsDemo { get; set; }
}
