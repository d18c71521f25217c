using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Organisations;

/// <summary>The rules an organisation form must pass, with messages naming the field; and copying it onto the entity.</summary>
public static class OrganisationValidation
{
    public static async Task ValidateAsync(RenkeiDb db, EditModel.Input form, ModelStateDictionary state, ClaimsPrincipal user)
    {
        if (!Enum.IsDefined(form.Kind) || !OrganisationAccess.AllowedKinds(user).Contains(form.Kind))
            state.AddModelError("Form.Kind", "この種別の組織は登録できません。");
        if (!await db.Prefectures.AnyAsync(p => p.Code == form.PrefectureCode))
            state.AddModelError("Form.PrefectureCode", "都道府県を一覧から選んでください。");
        if (form.Kind.NeedsMunicipality() && string.IsNullOrEmpty(form.MunicipalityCode))
            state.AddModelError("Form.MunicipalityCode", "所在する市区町村を選んでください。");
        if (!string.IsNullOrEmpty(form.MunicipalityCode) &&
            !await db.Municipalities.AnyAsync(m => m.Code == form.MunicipalityCode && m.PrefectureCode == form.PrefectureCode))
            state.AddModelError("Form.MunicipalityCode", "市区町村は選んだ都道府県の中から選んでください。");
        if (!OrganisationAccess.CanManage(user, form.Kind, form.Kind.NeedsMunicipality() ? form.MunicipalityCode : null))
            state.AddModelError("Form.MunicipalityCode", "この市区町村の組織を登録・変更する権限がありません。");
        form.CorporateNumber = Normalise(form.CorporateNumber);
        if (CorporateNumber.Problem(form.CorporateNumber) is { } problem) state.AddModelError("Form.CorporateNumber", problem);
        if (form.Kind == OrganisationKind.HealthCentre && form.Coverage.Count > 0)
        {
            var valid = await db.Municipalities.CountAsync(m => form.Coverage.Contains(m.Code) && m.PrefectureCode == form.PrefectureCode);
            if (valid != form.Coverage.Distinct().Count()) state.AddModelError("Form.Coverage", "管轄の市区町村は同じ都道府県の中から選んでください。");
        }
    }

    public static void Apply(EditModel.Input form, Organisation org)
    {
        org.Kind = form.Kind;
        org.Name = form.Name.Trim();
        org.Kana = Blank(form.Kana);
        org.PrefectureCode = form.PrefectureCode;
        org.MunicipalityCode = form.Kind.NeedsMunicipality() ? form.MunicipalityCode : null;
        org.CorporateNumber = Blank(form.CorporateNumber);
        org.Address = Blank(form.Address);
        org.Phone = Blank(Normalise(form.Phone));
        org.Email = Blank(form.Email);
        var wanted = form.Kind == OrganisationKind.HealthCentre ? form.Coverage.Distinct().ToHashSet() : [];
        org.Coverage.RemoveAll(c => !wanted.Contains(c.MunicipalityCode));
        foreach (var code in wanted.Where(c => org.Coverage.All(x => x.MunicipalityCode != c)))
            org.Coverage.Add(new HealthCentreCoverage { MunicipalityCode = code });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // Full-width digits and dashes are common in Japanese input: store the half-width form.
    private static string? Normalise(string? s) => s is null ? null :
        new string([.. s.Trim().Select(c => c switch
        {
            >= '０' and <= '９' => (char)(c - '０' + '0'),
            '－' or '‐' or 'ー' => '-',
            _ => c,
        })]);
}
