using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Contacts;

/// <summary>
/// Adds (no contact id) or changes one contact person of a provider. Who may: whoever may edit the
/// provider (the provider edit page's rule, <c>db.Scope.CanWrite</c> of its municipality).
/// </summary>
public sealed class ContactEditModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public ContactInput Input { get; set; } = new();
    public Provider Provider { get; private set; } = null!;
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? contactId)
    {
        if (await LoadProvider(id) is { } stop) return stop;
        IsNew = contactId is null;
        if (contactId is { } cid)
        {
            if (await db.ProviderContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid && c.ProviderId == id) is not { } contact) return NotFound();
            Input = ContactInput.From(contact);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? contactId)
    {
        if (await LoadProvider(id) is { } stop) return stop;
        IsNew = contactId is null;
        Input.Validate(ModelState);
        if (!ModelState.IsValid) return Page();
        ProviderContact contact;
        if (contactId is { } cid)
        {
            if (await db.ProviderContacts.SingleOrDefaultAsync(c => c.Id == cid && c.ProviderId == id) is not { } existing)
            {
                // Deleted by someone else meanwhile: keep the form so nothing typed is lost.
                ModelState.AddModelError("", "この連絡窓口は、この画面を開いた後に他の人が削除しました。入力内容を控えてから、必要なら新しく追加してください。");
                return Page();
            }
            contact = existing;
            db.Entry(contact).Property(c => c.Version).OriginalValue = Input.Version;
        }
        else
        {
            var last = await db.ProviderContacts.Where(c => c.ProviderId == id).MaxAsync(c => (int?)c.SortOrder);
            contact = db.ProviderContacts.Add(new ProviderContact { ProviderId = id, SortOrder = (last ?? -1) + 1 }).Entity;
        }
        Input.ApplyTo(contact);
        contact.ProviderMunicipalityCode = Provider.MunicipalityCode;
        contact.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        contact.UpdatedBy = User.Identity?.Name;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"連絡窓口「{ContactRules.Label(contact)}」を保存しました。";
        return Redirect($"/directory/{id}#contacts");
    }

    private async Task<IActionResult?> LoadProvider(int id)
    {
        if (await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) is not { } p) return NotFound();
        if (!db.Scope.CanWrite(p.MunicipalityCode)) return Forbid();
        Provider = p;
        return null;
    }
}
