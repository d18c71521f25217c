using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Organisations;

/// <summary>Create (no id) or edit an organisation, within <see cref="OrganisationAccess"/>; optimistic concurrency.</summary>
public sealed class EditModel(RenkeiDb db) : PageModel
{
    public sealed class Input
    {
        public OrganisationKind Kind { get; set; } = OrganisationKind.CommunityCareCentre;
        [Required(ErrorMessage = "名称を入力してください。"), StringLength(200, ErrorMessage = "名称は200文字以内で入力してください。")]
        public string Name { get; set; } = "";
        [StringLength(200, ErrorMessage = "よみは200文字以内で入力してください。")]
        public string? Kana { get; set; }
        [Required(ErrorMessage = "都道府県を選んでください。")]
        public string PrefectureCode { get; set; } = "";
        public string? MunicipalityCode { get; set; }
        public string? CorporateNumber { get; set; }
        [StringLength(300, ErrorMessage = "所在地は300文字以内で入力してください。")]
        public string? Address { get; set; }
        [RegularExpression(@"^[0-9０-９\-－‐ー() ]{6,20}$", ErrorMessage = "電話番号は数字とハイフンで入力してください（例: 0857-00-0000）。")]
        public string? Phone { get; set; }
        [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。"), StringLength(200)]
        public string? Email { get; set; }
        public List<string> Coverage { get; set; } = [];
        public long Version { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }
    public List<Prefecture> Prefectures { get; private set; } = [];
    public List<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            if (!OrganisationAccess.CanCreateAny(User)) return Forbid();
            Form.PrefectureCode = User.GetPrefectureCode() ?? "";
            Form.MunicipalityCode = OrganisationAccess.ManagedMunicipality(User);
        }
        else
        {
            if (await db.Organisations.AsNoTracking().Include(o => o.Coverage).SingleOrDefaultAsync(o => o.Id == id) is not { } org) return NotFound();
            if (!OrganisationAccess.CanManage(User, org.Kind, org.MunicipalityCode)) return Forbid();
            Id = id;
            Form = new Input
            {
                Kind = org.Kind, Name = org.Name, Kana = org.Kana, PrefectureCode = org.PrefectureCode, MunicipalityCode = org.MunicipalityCode,
                CorporateNumber = org.CorporateNumber, Address = org.Address, Phone = org.Phone, Email = org.Email,
                Coverage = [.. org.Coverage.Select(c => c.MunicipalityCode)], Version = org.Version,
            };
        }
        await LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        Organisation? org = null;
        if (id is not null)
        {
            org = await db.Organisations.Include(o => o.Coverage).SingleOrDefaultAsync(o => o.Id == id);
            if (org is null) return NotFound();
            if (!OrganisationAccess.CanManage(User, org.Kind, org.MunicipalityCode)) return Forbid();
        }
        else if (!OrganisationAccess.CanCreateAny(User)) return Forbid();

        await LoadChoices();
        await OrganisationValidation.ValidateAsync(db, Form, ModelState, User);
        if (!ModelState.IsValid) return Page();

        if (org is null) org = db.Organisations.Add(new Organisation { Name = "", PrefectureCode = "" }).Entity;
        else db.Entry(org).Property(o => o.Version).OriginalValue = Form.Version;
        OrganisationValidation.Apply(Form, org);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"「{org.Name}」を保存しました。";
        return Redirect($"/organisations/{org.Id}");
    }

    private async Task LoadChoices()
    {
        Prefectures = await db.Prefectures.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        var pref = string.IsNullOrEmpty(Form.PrefectureCode) ? User.GetPrefectureCode() : Form.PrefectureCode;
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.PrefectureCode == pref).OrderBy(m => m.Code).ToListAsync();
    }
}
