using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Demo;

public sealed record DemoAccount(string Role, string UserName, string Password);

/// <summary>
/// The first-run demo: 鳥取県 and its 19 municipalities as organisations, 鳥取市 with the bodies
/// around it, and one account per role with a random password shown once on the console.
/// Runs once (skipped when the demo prefecture organisation exists). Demo bodies are flagged
/// <see cref="Organisation.IsDemo"/> and labelled as such on screen; no figures are invented.
/// </summary>
public sealed class DemoSeeder(RenkeiDb db, UserManager<AppUser> users, DirectoryImportService imports, ILogger<DemoSeeder> log)
{
    public const string PrefectureCode = "31";
    public const string TottoriCity = "312011";
    // 鳥取県 東部 (3101): the four towns that share 鳥取市保健所 with the city.
    private static readonly string[] EasternTowns = ["313025", "313254", "313289", "313297"];

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken ct = default)
    {
        if (await ExistsAsync(db, ct)) return [];

        var pref = Add(OrganisationKind.Prefecture, "鳥取県", null);
        var healthCentre = Add(OrganisationKind.HealthCentre, "鳥取市保健所", null);
        healthCentre.Coverage = [.. EasternTowns.Prepend(TottoriCity).Select(c => new HealthCentreCoverage { MunicipalityCode = c })];
        var municipalities = await db.Municipalities.Where(m => m.PrefectureCode == PrefectureCode && m.Kind != MunicipalityKind.Ward)
            .OrderBy(m => m.Code).ToListAsync(ct);
        var city = municipalities.Select(m => Add(OrganisationKind.Municipality, m.Name, m.Code)).Single(o => o.MunicipalityCode == TottoriCity);
        Add(OrganisationKind.CommunityCareCentre, "鳥取市地域包括支援センター（デモ）", TottoriCity);
        var collab = Add(OrganisationKind.CollaborationCentre, "鳥取市在宅医療・介護連携支援センター（デモ）", TottoriCity);
        Add(OrganisationKind.ProfessionalBody, "東部医師会（デモ）", TottoriCity);
        var clinic = Add(OrganisationKind.MedicalInstitution, "デモ在宅クリニック", TottoriCity);
        Add(OrganisationKind.CareProvider, "デモ居宅介護支援事業所", TottoriCity);
        await db.SaveChangesAsync(ct);

        var accounts = new List<DemoAccount>();
        await CreateUser(accounts, "admin", "システム管理者（デモ）", pref, Roles.SystemAdmin);
        await CreateUser(accounts, "tottori-admin", "鳥取市 組織管理者（デモ）", city, Roles.OrgAdmin);
        await CreateUser(accounts, "tottori-staff", "鳥取市 事業担当（デモ）", city, Roles.ProgramStaff);
        await CreateUser(accounts, "center-coord", "連携支援センター コーディネーター（デモ）", collab, Roles.Coordinator);
        await CreateUser(accounts, "clinic-doctor", "在宅医（デモ）", clinic, Roles.Professional);
        await CreateUser(accounts, "pref-staff", "鳥取県 担当（デモ）", pref, Roles.ProgramStaff);
        await CreateUser(accounts, "hc-staff", "鳥取市保健所 担当（デモ）", healthCentre, Roles.ProgramStaff);
        log.LogInformation("Demo organisations and {Count} demo accounts created", accounts.Count);
        await ImportProvidersAsync(ct);
        log.LogInformation("Demo public page: {Count} providers of 鳥取市 marked as consenting (labelled as a sample there)", await DemoPublicPage.SeedAsync(db, ct));
        await DemoCouncil.SeedAsync(db, ct);
        await DemoPdca.SeedAsync(db, ct);
        await DemoIndicators.SeedAsync(db, ct);
        await DemoProgress.SeedAsync(db, ct);
        await DemoAreas.SeedAsync(db, ct);
        return accounts;
    }

    /// <summary>Whether the demo is in the database: its prefecture organisation is there (seeding adds it first).</summary>
    public static Task<bool> ExistsAsync(RenkeiDb db, CancellationToken ct) =>
        db.Organisations.AnyAsync(o => o.IsDemo && o.Kind == OrganisationKind.Prefecture, ct);

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "DemoData");

    /// <summary>The real 鳥取県 providers from the shipped public files, through the same importer staff use.</summary>
    // Which shipped file is imported with which importer, in this order (the 厚生局 list joins the hospitals last).
    private static readonly (ImportKind Kind, string Pattern)[] DemoFiles =
    [
        (ImportKind.KaigoOpenData, "jigyosho_*.csv"),
        (ImportKind.Iryojoho, "*_facility_info_*.csv"),
        (ImportKind.Kouseikyoku, "tottori-*.xlsx"),
    ];

    // One batch (the next file read while one is written, one checkpoint at the end), as the benchmark measures it.
    private async Task ImportProvidersAsync(CancellationToken ct)
    {
        var files = DemoFiles.SelectMany(f => System.IO.Directory.GetFiles(DataDirectory, f.Pattern).Order()
            .Select(file => new ImportSource(f.Kind, file, Path.GetFileName(file)))).ToList();
        foreach (var outcome in await imports.ImportManyAsync(files, PrefectureCode, false, "demo", ct))
            log.LogInformation("Demo directory {File}: {Summary}", outcome.Source.DisplayName, outcome.Plan.Summary);
    }

    private Organisation Add(OrganisationKind kind, string name, string? municipalityCode) =>
        db.Organisations.Add(new Organisation { Kind = kind, Name = name, PrefectureCode = PrefectureCode, MunicipalityCode = municipalityCode, IsDemo = true }).Entity;

    private async Task CreateUser(List<DemoAccount> accounts, string userName, string displayName, Organisation org, string role)
    {
        var password = RandomPassword();
        var user = new AppUser { UserName = userName, DisplayName = displayName, OrganisationId = org.Id, IsDemo = true };
        Check(await users.CreateAsync(user, password), userName);
        Check(await users.AddToRoleAsync(user, role), userName);
        accounts.Add(new DemoAccount($"{Roles.Japanese(role)}（{org.Name}）", userName, password));
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"デモアカウント {userName} を作成できません: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>16 characters from an unambiguous alphabet, always with upper, lower and digit.</summary>
    public static string RandomPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
