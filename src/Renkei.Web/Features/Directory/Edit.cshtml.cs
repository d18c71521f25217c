using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// Staff of the provider's municipality correct fields by hand, choose who may see each field, and
/// record the provider's consent to publication. A hand edit is marked so imports keep it.
/// </summary>
public sealed class EditModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];
    // Read from the form by name (see ReadVisibility): a bound dictionary would, when none of its keys
    // is posted, try to bind every other form field as a visibility and fail.
    public Dictionary<string, FieldVisibility> Visibility { get; set; } = [];
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    [BindProperty] public long Version { get; set; }
    public Provider Provider { get; private set; } = null!;

    public static readonly string[] Editable = ["Name", "NameKana", "Address", "Latitude", "Longitude", "Phone", "Fax", "Url", "Email", "OpenDays", "Departments", "Hours", "Beds", "Capacity"];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await Load(id) is { } stop) return stop;
        Values = Editable.ToDictionary(f => f, f => ProviderFields.ByName[f].Get(Provider));
        Visibility = Editable.ToDictionary(f => f, VisibilityOf);
        Consent = Provider.PublicationConsent;
        Version = Provider.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await Load(id, tracked: true) is { } stop) return stop;
        ReadVisibility();
        Validate();
        if (!ModelState.IsValid) return Page();
        db.Entry(Provider).Property(p => p.Version).OriginalValue = Version;
        var who = User.Identity?.Name;
        var today = JapanTime.TodayJst(clock);
        var meta = new Dictionary<string, FieldMeta>(Provider.FieldMeta);
        foreach (var name in Editable)
        {
            var field = ProviderFields.ByName[name];
            var value = string.IsNullOrWhiteSpace(Values.GetValueOrDefault(name)) ? null : Values[name]!.Trim();
            var visibility = Visibility.GetValueOrDefault(name, VisibilityOf(name));
            var changed = !string.Equals(field.Get(Provider) ?? "", value ?? "", StringComparison.Ordinal);
            if (changed) field.Set(Provider, value);
            var old = meta.GetValueOrDefault(name);
            meta[name] = changed
                ? new FieldMeta(DataSource.Manual, today, who, true, visibility)
                : (old ?? new FieldMeta(DataSource.Manual, today, who, false, visibility)) with { Visibility = visibility };
        }
        Provider.FieldMeta = meta;
        Provider.SearchKey = Directory.Provider.SearchKeyOf(Provider.Name, Provider.NameKana);
        Provider.OpenWeekdays = OpenWeekdaysText.Of(Provider.OpenDays, Provider.Hours);
        // Either half of a point set by hand (typed or clicked on the map) makes the point manual; imports then keep it.
        if (Provider.Latitude is not null && new[] { "Latitude", "Longitude" }.Any(f => meta.TryGetValue(f, out var m) && m.HandEdited))
            Provider.CoordinatePrecision = CoordinatePrecision.Manual;
        Provider.PublicationConsent = Consent;
        if (Confirmed) Provider.LastConfirmedOn = today;
        Provider.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"「{Provider.Name}」を保存しました。";
        return Redirect($"/directory/{id}");
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Values.GetValueOrDefault("Name"))) ModelState.AddModelError("Values[Name]", "名称を入力してください。");
        foreach (var (name, min, max) in new[] { ("Latitude", 20.0, 46.0), ("Longitude", 122.0, 154.0) })
        {
            var v = Values.GetValueOrDefault(name);
            if (!string.IsNullOrWhiteSpace(v) && (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < min || d > max))
                ModelState.AddModelError($"Values[{name}]", $"{ProviderFields.ByName[name].Label}は {min}〜{max} の数値で入力してください。");
        }
        foreach (var name in new[] { "Beds", "Capacity" })
        {
            var v = Values.GetValueOrDefault(name);
            if (!string.IsNullOrWhiteSpace(v) && (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100000))
                ModelState.AddModelError($"Values[{name}]", $"{ProviderFields.ByName[name].Label}は0以上の整数で入力してください。");
        }
        foreach (var name in new[] { "Phone", "Fax" })
        {
            var v = Values.GetValueOrDefault(name);
            if (!string.IsNullOrWhiteSpace(v)) Values[name] = ContactText.Phone(v) ?? "";
            if (!string.IsNullOrWhiteSpace(v) && string.IsNullOrEmpty(Values[name])) ModelState.AddModelError($"Values[{name}]", $"{ProviderFields.ByName[name].Label}は数字とハイフンで入力してください。");
        }
        foreach (var (name, text) in Values)
        {
            var max = ProviderFields.ByName.TryGetValue(name, out var f) ? f.MaxLength : 400;
            if (text?.Length > max) ModelState.AddModelError($"Values[{name}]", $"{max}文字以内で入力してください。");
        }
    }

    private void ReadVisibility()
    {
        foreach (var name in Editable)
        {
            var posted = Request.Form[$"Visibility[{name}]"].ToString();
            Visibility[name] = Enum.TryParse<FieldVisibility>(posted, out var v) && Enum.IsDefined(v) ? v : VisibilityOf(name);
        }
    }

    private FieldVisibility VisibilityOf(string field) =>
        Provider.FieldMeta.TryGetValue(field, out var m) ? m.Visibility : ProviderFields.ByName[field].DefaultVisibility;

    private async Task<IActionResult?> Load(int id, bool tracked = false)
    {
        var query = tracked ? db.Providers : db.Providers.AsNoTracking();
        if (await query.SingleOrDefaultAsync(p => p.Id == id) is not { } p) return NotFound();
        if (!db.Scope.CanWrite(p.MunicipalityCode)) return Forbid();
        Provider = p;
        return null;
    }
}
