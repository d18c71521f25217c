using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Admin;

/// <summary>
/// Creates an account with one role and a generated password shown once. An organisation admin
/// creates only in their own organisation and cannot grant the system admin role.
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class NewUserModel(RenkeiDb db, UserManager<AppUser> users) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "ユーザー名を入力してください。")]
        [StringLength(64, ErrorMessage = "ユーザー名は64文字以内で入力してください。")]
        public string UserName { get; set; } = "";
        [Required(ErrorMessage = "氏名を入力してください。")]
        [StringLength(100, ErrorMessage = "氏名は100文字以内で入力してください。")]
        public string DisplayName { get; set; } = "";
        public int? OrganisationId { get; set; }
        // Nullable so an empty choice reaches our Japanese message instead of MVC's implicit English "required".
        public string? Role { get; set; }
    }

    public sealed record OrganisationOption(int Id, string Name, OrganisationKind Kind);

    [BindProperty] public Input Form { get; set; } = new();
    public AdminScope Scope { get; private set; } = null!;
    public List<OrganisationOption> Organisations { get; private set; } = [];
    public IEnumerable<string> GrantableRoles => Roles.All.Where(Scope.CanGrant);
    public IssuedPassword? Issued { get; private set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostAsync()
    {
        await Load();
        // An organisation admin creates in their own organisation whatever the form says.
        if (!Scope.All) Form.OrganisationId = Scope.OrganisationId;
        if (Form.OrganisationId is not { } orgId || Organisations.All(o => o.Id != orgId))
            ModelState.AddModelError("Form.OrganisationId", "組織を一覧から選んでください。");
        if (Form.Role is null || !Roles.All.Contains(Form.Role))
            ModelState.AddModelError("Form.Role", "役割を一覧から選んでください。");
        else if (!Scope.CanGrant(Form.Role))
            ModelState.AddModelError("Form.Role", "組織管理者はシステム管理者の役割を付与できません。必要な場合はシステム管理者に依頼してください。");
        if (!ModelState.IsValid) return Page();

        var role = Form.Role!;
        var password = DemoSeeder.RandomPassword();
        var user = new AppUser { UserName = Form.UserName.Trim(), DisplayName = Form.DisplayName.Trim(), OrganisationId = Form.OrganisationId!.Value };
        // Account and role commit together: a failure never leaves an account without a role.
        await using var tx = await db.Database.BeginTransactionAsync();
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, password);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        }
        catch (DbUpdateException e) when (Concurrency.IsDuplicateKey(e))
        {
            // Identity checks the name first, but two admins creating the same name at once meet at the unique index.
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(user.UserName));
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.Contains("UserName", StringComparison.Ordinal) ? "Form.UserName" : "", e.Description);
            return Page();
        }
        await tx.CommitAsync();
        Issued = new IssuedPassword(user.Id, user.UserName, password, $"アカウント「{user.UserName}」（{Roles.Japanese(role)}）を作成しました");
        return Page();
    }

    private async Task Load()
    {
        Scope = AdminScope.Of(User);
        var orgs = db.Organisations.AsNoTracking();
        var own = Scope.OrganisationId;
        if (!Scope.All) orgs = orgs.Where(o => o.Id == own);
        Organisations = await orgs.OrderBy(o => o.PrefectureCode).ThenBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.Kind)).ToListAsync();
    }
}
